// A failed load, said plainly. role="alert" so screen readers announce it; the
// profile that was open stays on screen below it.
interface Props {
  message: string;
  onDismiss(): void;
}

export function ErrorAlert({ message, onDismiss }: Props) {
  return (
    <div role="alert" className="error-alert">
      <p>{message}</p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
