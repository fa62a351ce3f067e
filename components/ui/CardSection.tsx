import type { ReactNode } from 'react';

/** A titled card of a settings-like page: heading (tied to the section by id), optional intro. */
export function CardSection({ id, title, intro, children }: { id: string; title: ReactNode; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="card stack" aria-labelledby={id}>
      {intro ? (
        <div>
          <h2 id={id}>{title}</h2>
          <p className="muted small" style={{ margin: 0 }}>
            {intro}
          </p>
        </div>
      ) : (
        <h2 id={id} style={{ margin: 0 }}>
          {title}
        </h2>
      )}
      {children}
    </section>
  );
}
