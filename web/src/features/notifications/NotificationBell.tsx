// The bell in the header (issue 16): a link to /meldingen that says how many notifications are
// unread, in words (screen readers read the link's name); refreshed every minute.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { fetchNotifications } from "../../api/notifications.ts";
import { t } from "../../i18n/index.ts";
import "./bell.css";

export function NotificationBell() {
  const list = useQuery({
    queryKey: ["notifications"],
    queryFn: ({ signal }) => fetchNotifications(signal),
    refetchInterval: 60_000,
  });
  const unread = (list.data ?? []).filter((n) => !n.read).length;
  return (
    <Link to="/meldingen" className="aanwezig-bell" data-testid="notification-bell">
      <span aria-hidden="true">🔔 </span>
      {t.notifications.bell(unread)}
    </Link>
  );
}
