// Values in the address that could not be used: said, not fatal.
import { useAppStore } from '../state/app-store';

export function UrlProblems() {
  const errors = useAppStore((s) => s.urlErrors);
  const dismiss = useAppStore((s) => s.dismissUrlErrors);
  if (errors.length === 0) return null;
  return (
    <section className="url-problems" aria-label="Problems with the address">
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}
