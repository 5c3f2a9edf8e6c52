import { useMemo } from 'react';
import type { TakeRecord } from '../../../shared/model/take.ts';
import { recipeDiffRows, takeTitle } from './compareModel.ts';

/** The recipes side by side, only the fields that differ; cells unlike the first take's are highlighted. */
export function RecipeDiffTable({ takes }: { readonly takes: readonly TakeRecord[] }) {
  const rows = useMemo(() => recipeDiffRows(takes), [takes]);
  return (
    <section className="recipe-diff" aria-label="Recipe differences">
      <h3 className="recipe-diff-title">
        Recipe differences
        <span>
          {rows.length === 0
            ? ''
            : `${rows.length} ${rows.length === 1 ? 'field differs' : 'fields differ'} · highlighted where unlike ${takeTitle(takes[0]!)}`}
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="recipe-diff-empty">The recipes are identical: same model, prompt, seed, parameters and inputs.</p>
      ) : (
        <table className="recipe-diff-table" data-testid="recipe-diff">
          <thead>
            <tr>
              <th scope="col">Field</th>
              {takes.map((take) => (
                <th key={take.id} scope="col">
                  {takeTitle(take)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.path} data-field={row.path}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td
                    key={takes[i]?.id ?? i}
                    className={`${cell.differs ? 'differs' : ''}${cell.empty ? ' empty' : ''}`.trim() || undefined}
                    data-differs={cell.differs || undefined}
                    title={cell.text}
                  >
                    <span className="value tabular">{cell.text}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
