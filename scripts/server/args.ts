// Command-line options shared by scripts/serve.ts and scripts/server/main.ts.
export function parseServerArgs(args: string[]): { port: number; hostname: string } {
  let port = Number(process.env.PORT || 3000);
  let hostname = 'localhost';
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '-p' || arg === '--port') port = Number(args[++index]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else if (arg === '-H' || arg === '--hostname') hostname = args[++index];
    else if (arg.startsWith('--hostname=')) hostname = arg.slice('--hostname='.length);
    else throw new Error(`Unbekannte Option: ${arg} (erlaubt: -p PORT, -H HOSTNAME)`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ungültiger Port: ${port}`);
  return { port, hostname };
}
