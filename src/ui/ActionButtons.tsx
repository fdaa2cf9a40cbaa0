// A stack of buttons, most important first: the shape every offer and result ends with (resume, follow-up, the
// summary's print and copy, start again). One place for their classes, so each screen lists only what it offers.
export interface Action {
  label: string;
  onClick: () => void;
  /** primary (default): the one thing to do; secondary: the alternatives; warning: removes something. */
  look?: 'primary' | 'secondary' | 'warning';
}

const CLASS: Record<NonNullable<Action['look']>, string> = {
  primary: 'backcheck__button',
  secondary: 'backcheck__button backcheck__button--secondary',
  warning: 'backcheck__button backcheck__button--warning',
};

/** `part`: the shadow part a clinic may style ("actions") where the screen offers one. */
export function ActionButtons({ actions, part }: { actions: readonly Action[]; part?: string }) {
  return (
    <div className="backcheck__actions backcheck__actions--stack" part={part}>
      {actions.map((a) => (
        <button key={a.label} type="button" className={CLASS[a.look ?? 'primary']} onClick={a.onClick}>
          {a.label}
        </button>
      ))}
    </div>
  );
}
