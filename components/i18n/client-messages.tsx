'use client';
// Plain UI strings for the few client components that Next renders itself (error.tsx), handed down
// by the server layout. Not next-intl's NextIntlClientProvider: that ships its ICU message
// formatter to every visitor (about 14 KiB compressed) for four strings. Client components that
// we render ourselves get their strings as props.
import { createContext, useContext } from 'react';

export type ClientMessages = Record<string, Record<string, string>>;

const Context = createContext<ClientMessages>({});

export function ClientMessagesProvider({ messages, children }: { messages: ClientMessages; children: React.ReactNode }) {
  return <Context value={messages}>{children}</Context>;
}

export function useClientMessages(namespace: string): (key: string) => string {
  const messages = useContext(Context)[namespace] ?? {};
  return (key) => messages[key] ?? key;
}
