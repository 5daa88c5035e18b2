// My e-mail choice (issue 16 items 2 and 3): e-mail at all, and per kind the server offers me (a
// parent's own kinds, or a professional's). Parents start with e-mail off per kind and choose it.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import {
  fetchNotificationPreferences,
  type NotificationPreferences,
  saveNotificationPreferences,
} from "../../api/notifications.ts";
import { CheckboxField } from "../../components/FormFields.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";

const s = t.notifications;

export function PreferencesSection() {
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: ["notification-preferences"],
    queryFn: ({ signal }) => fetchNotificationPreferences(signal),
  });
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  useEffect(() => {
    if (current.data) setDraft(current.data);
  }, [current.data]);
  const save = useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (saved) => queryClient.setQueryData(["notification-preferences"], saved),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (draft) save.mutate(draft);
  }

  return (
    <section aria-labelledby="notification-preferences" className="aanwezig-notifications__prefs">
      <Heading level={2} id="notification-preferences">
        {s.preferences.heading}
      </Heading>
      <Paragraph>{s.preferences.intro}</Paragraph>
      {current.isPending && <Loading />}
      {current.isError && <ProblemAlert error={current.error} />}
      {draft && (
        <form onSubmit={submit} noValidate>
          <CheckboxField
            id="pref-email"
            label={s.preferences.email}
            checked={draft.email}
            onChange={(email) => {
              save.reset();
              setDraft({ ...draft, email });
            }}
          />
          {draft.email && draft.kinds.length > 0 && (
            <fieldset className="aanwezig-notifications__kinds">
              <legend>{s.preferences.kindsLegend}</legend>
              {draft.kinds.map((k) => (
                <CheckboxField
                  key={k.kind}
                  id={`pref-${k.kind}`}
                  label={s.kinds[k.kind]}
                  checked={k.email}
                  onChange={(email) => {
                    save.reset();
                    setDraft({
                      ...draft,
                      kinds: draft.kinds.map((x) => (x.kind === k.kind ? { ...x, email } : x)),
                    });
                  }}
                />
              ))}
            </fieldset>
          )}
          {save.isError && <ProblemAlert error={save.error} />}
          <Button type="submit" purpose="primary" busy={save.isPending}>
            {s.preferences.save}
          </Button>
          <p role="status" className="aanwezig-notifications__saved">
            {save.isSuccess ? s.preferences.saved : ""}
          </p>
        </form>
      )}
    </section>
  );
}
