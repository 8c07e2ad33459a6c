export interface NoticeProps {
  text: string;
  dismissLabel?: string;
  onDismiss?: () => void;
}

/** A one-line notice (e.g. "stored data was damaged and has been reset"). */
export function Notice({ text, dismissLabel, onDismiss }: NoticeProps) {
  return (
    <div class="notice" role="status" data-notice="">
      <p>{text}</p>
      {onDismiss && dismissLabel && (
        <button type="button" onClick={onDismiss}>
          {dismissLabel}
        </button>
      )}
    </div>
  );
}
