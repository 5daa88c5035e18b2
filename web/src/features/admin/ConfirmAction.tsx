// A table row's action that asks first (Beheer: revoking a token, deactivating an account): the
// button names the row for a screen reader; pressed, it turns into "Ja, …" and Annuleren.
import { Button } from "@nl-design-system-candidate/button-react";
import { t } from "../../i18n/index.ts";

export interface ConfirmActionProps {
  /** This row's action is waiting for the confirmation. */
  confirming: boolean;
  busy: boolean;
  label: string;
  /** What the row is, after the label for a screen reader. */
  name: string;
  confirmLabel: string;
  onStart: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmAction({
  confirming,
  busy,
  label,
  name,
  confirmLabel,
  onStart,
  onConfirm,
  onCancel,
}: ConfirmActionProps) {
  return confirming ? (
    <span className="aanwezig-parent__buttons">
      <Button type="button" purpose="primary" busy={busy || undefined} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button type="button" purpose="secondary" onClick={onCancel}>
        {t.common.cancel}
      </Button>
    </span>
  ) : (
    <Button type="button" purpose="secondary" onClick={onStart}>
      {label}
      <span className="aanwezig-visually-hidden"> {name}</span>
    </Button>
  );
}
