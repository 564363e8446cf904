import { useId } from 'react';
import { useOutreachT } from './messages.ts';
import type { WeightDef } from './weights.ts';

/**
 * A labelled group of weight sliders (0 to 1, step 0.05), operable with the keyboard (arrows,
 * Home, End); each shows its value as text.
 */
export function WeightSliders({ title, defs, values, onChange, onReset, testId }: {
  title: string;
  defs: readonly WeightDef[];
  values: Record<string, number>;
  onChange: (url: string, value: number) => void;
  onReset: () => void;
  testId?: string;
}) {
  const { m, number } = useOutreachT();
  const id = useId();
  return (
    <fieldset className="weights" data-testid={testId}>
      <legend>{title}</legend>
      {defs.map((d) => (
        <div key={d.url} className="weight">
          <label htmlFor={`${id}-${d.url}`}>{m(d.label)}</label>
          <input id={`${id}-${d.url}`} type="range" min={0} max={1} step={0.05} value={values[d.url] ?? d.default}
            aria-valuetext={number(values[d.url] ?? d.default, 2)} data-testid={`weight-${d.url}`}
            onChange={(e) => onChange(d.url, Number(e.target.value))} />
          <output htmlFor={`${id}-${d.url}`}>{number(values[d.url] ?? d.default, 2)}</output>
        </div>
      ))}
      <button type="button" className="reset" onClick={onReset}>{m('weightsReset')}</button>
    </fieldset>
  );
}
