// Dropping a file anywhere on the page opens it. Returns whether files are
// being dragged over the page, to highlight the drop zone.
import { useEffect, useState } from 'react';

function hasFiles(ev: DragEvent): boolean {
  return Array.from(ev.dataTransfer?.types ?? []).includes('Files');
}

export function usePageDrop(onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every child element: count them.
    let depth = 0;
    const enter = (ev: DragEvent) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (ev: DragEvent) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault(); // allows the drop
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (ev: DragEvent) => {
      ev.preventDefault(); // never let the browser navigate to the file
      depth = 0;
      setDragging(false);
      const file = ev.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [onFile]);
  return dragging;
}
