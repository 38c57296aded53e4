// Dark mode follows the system; the toggle overrides it for this browser.
import { useEffect, useState } from 'react';

type Theme = 'light' | 'dark' | null; // null: follow the system
const KEY = 'tsprof-web.theme';

function stored(): Theme {
  try {
    const v = window.localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(stored);
  useEffect(() => {
    const el = document.documentElement;
    if (theme) el.dataset.theme = theme;
    else delete el.dataset.theme;
  }, [theme]);
  const dark = theme ? theme === 'dark' : systemDark();
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label="Dark mode"
      aria-pressed={dark}
      title={theme ? 'Colour scheme chosen here (click to switch)' : 'Colour scheme follows the system (click to switch)'}
      onClick={() => {
        const next: Theme = dark ? 'light' : 'dark';
        setTheme(next);
        try {
          window.localStorage.setItem(KEY, next);
        } catch {
          // not kept: fine
        }
      }}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
    </button>
  );
}
