// The forms the case file shows right now, so the summary can list "what you can do" as links
// to exactly those forms (issue 11, deliverable 4): each CommandForm registers itself while it
// is on the page, and a link asks it to open and take focus. Outside a case file the registry
// is a no-op.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";

export interface RegisteredCommand {
  id: string;
  label: string;
}

interface Registry {
  register(command: RegisteredCommand): () => void;
  /** Asks the form with this id to open and focus its first field. */
  open(id: string): void;
  subscribe(id: string, onOpen: () => void): () => void;
}

const noop: Registry = { register: () => () => {}, open: () => {}, subscribe: () => () => {} };
const RegistryContext = createContext<Registry>(noop);
const CommandsContext = createContext<readonly RegisteredCommand[]>([]);

/** The anchor (URL hash, element id) of a command's form on the case file. */
export const commandAnchor = (id: string) => `formulier-${id}`;

export function CommandRegistry({ children }: { children: ReactNode }) {
  const [commands, setCommands] = useState<readonly RegisteredCommand[]>([]);
  const registry = useMemo<Registry>(() => {
    const listeners = new Map<string, Set<() => void>>();
    return {
      register(command) {
        setCommands((list) => [...list.filter((c) => c.id !== command.id), command]);
        return () => setCommands((list) => list.filter((c) => c.id !== command.id));
      },
      open(id) {
        for (const listener of listeners.get(id) ?? []) listener();
      },
      subscribe(id, onOpen) {
        const set = listeners.get(id) ?? new Set();
        set.add(onOpen);
        listeners.set(id, set);
        return () => set.delete(onOpen);
      },
    };
  }, []);
  return (
    <RegistryContext.Provider value={registry}>
      <CommandsContext.Provider value={commands}>{children}</CommandsContext.Provider>
    </RegistryContext.Provider>
  );
}

export const useCommandRegistry = () => useContext(RegistryContext);

/** The registered forms in the order they appear on the page. */
export function useRegisteredCommands(): readonly RegisteredCommand[] {
  const commands = useContext(CommandsContext);
  return [...commands].sort((a, b) => {
    const x = document.getElementById(commandAnchor(a.id));
    const y = document.getElementById(commandAnchor(b.id));
    if (!x || !y) return 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/** Registers a form while it is mounted and calls `onOpen` when a link asks for it. */
export function useRegisterCommand(id: string, label: string, onOpen: () => void): void {
  const registry = useCommandRegistry();
  useEffect(() => registry.register({ id, label }), [registry, id, label]);
  useEffect(() => registry.subscribe(id, onOpen), [registry, id, onOpen]);
}
