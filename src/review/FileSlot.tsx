// Where a clinician opens a rules file from their own computer: a file picker, drag and drop, or pasted text. The
// file is read in the browser (File.text()); nothing is uploaded, and the page's CSP allows no connection anyway.
import { useId, useState, type DragEvent, type ReactNode } from 'react';

export interface OpenedText {
  name: string;
  text: string;
}

interface Props {
  title: string;
  /** What is open now, in words. */
  current: string;
  onOpen: (file: OpenedText) => void;
  /** Extra actions (e.g. "Compare with the shipped rules"). */
  children?: ReactNode;
}

export function FileSlot({ title, current, onOpen, children }: Props) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const [readError, setReadError] = useState<string | null>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    try {
      setReadError(null);
      onOpen({ name: file.name, text: await file.text() });
    } catch (error) {
      setReadError(`Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void read(event.dataTransfer.files[0]);
  };

  return (
    <section className="backcheck-review__slot" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="backcheck-review__current">{current}</p>
      <div
        className={dragging ? 'backcheck-review__drop backcheck-review__drop--over' : 'backcheck-review__drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="backcheck-review__file-label" htmlFor={`${id}-file`}>
          Open a rules file (.yaml) from this computer
        </label>
        <input
          id={`${id}-file`}
          className="backcheck-review__file-input"
          type="file"
          accept=".yaml,.yml,text/yaml,application/yaml"
          onChange={(e) => {
            void read(e.target.files?.[0]);
            // The same file chosen again (after editing it) must be read again.
            e.target.value = '';
          }}
        />
        <span className="backcheck-review__drop-hint">or drop a .yaml file here</span>
      </div>
      <details className="backcheck-review__paste">
        <summary>Or paste the file’s text</summary>
        <label htmlFor={`${id}-text`}>Rules file text (YAML)</label>
        <textarea id={`${id}-text`} rows={8} spellCheck={false} value={pasted} onChange={(e) => setPasted(e.target.value)} />
        <button type="button" className="backcheck-review__button" disabled={pasted.trim() === ''} onClick={() => onOpen({ name: 'pasted.yaml', text: pasted })}>
          Check the pasted text
        </button>
      </details>
      {children}
      {readError ? (
        <p className="backcheck-review__unsigned" role="alert">
          {readError}
        </p>
      ) : null}
    </section>
  );
}
