// Quarter inputs as Dutch users write them ("2026-K1"), checked before anything is sent.
import { TextField } from "../../components/TextField.tsx";
import { quarterLabel } from "./use-monitor.ts";

export function QuarterField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (text: string) => void;
}) {
  return (
    <TextField
      id={id}
      label={label}
      value={quarterLabel(value)}
      error={error}
      inputMode="text"
      autoComplete="off"
      size={8}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
