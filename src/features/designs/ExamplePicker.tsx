import { useState } from 'react';
import { BUILT_IN_EXAMPLES, fetchExampleDesign, type BuiltInExample } from '../../state/exampleDesign';
import { useAppStore } from '../../state/store';
import './examplePicker.css';

/** ☰ Designs → New from example: each built-in example opens as a new design of its own (the example file stays as it is). */
export function ExamplePicker() {
  const openDesign = useAppStore((s) => s.openDesign);
  const [loading, setLoading] = useState<BuiltInExample | null>(null);
  const open = async (file: BuiltInExample) => {
    setLoading(file);
    try {
      await openDesign(await fetchExampleDesign(file));
    } catch (error) {
      useAppStore.getState().showToast(error instanceof Error ? error.message : String(error));
    } finally {
      setLoading(null);
    }
  };
  return (
    <div className="example-picker" role="group" aria-label="New from example">
      <span className="example-picker__label">New from example</span>
      {BUILT_IN_EXAMPLES.map((example) => (
        <button key={example.file} type="button" className="text-button example-picker__item" title={example.what}
          disabled={loading !== null} onClick={() => void open(example.file)}>
          {loading === example.file ? 'Opening…' : `+ ${example.name}`}
        </button>
      ))}
    </div>
  );
}
