import { useEffect, useState } from "react";

/**
 * The latest `state` event of a server-sent event stream, and whether the stream is connected. The browser
 * reconnects by itself after a network failure; the server sends the whole state again on each connection.
 */
export function useLiveState<T>(url: string | null) {
  const [state, setState] = useState<T | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("state", (event) => {
      setConnected(true);
      setState(JSON.parse((event as MessageEvent<string>).data) as T);
    });
    return () => source.close();
  }, [url]);
  return { state, connected };
}
