// `npm run flow -- services`: starts a throw-away PostgreSQL and `nats-server -js` on free loopback
// ports in a temporary folder, prints how to point `flow run` at them, and stops (deleting the
// folder) on Ctrl+C. For a first run on real infrastructure without installing anything by hand
// beyond the two Debian packages.
import { localBinaries } from '../../runner/services/binaries';
import { startLocalServices } from '../../runner/services/localServices';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run -s flow -- services\n\nStarts a throw-away PostgreSQL and nats-server -js and prints their URLs; Ctrl+C stops both.');
    return 0;
  }
  if (args.length > 0) {
    console.error(`unexpected argument ${args[0]}\nusage: npm run -s flow -- services`);
    return 2;
  }
  const found = localBinaries();
  if (!found.ok) {
    console.error(`cannot start the local services: ${found.reason}`);
    return 1;
  }
  const services = await startLocalServices(found.binaries);
  const pgUrl = await services.createDatabase('efd');
  console.log(`PostgreSQL  ${pgUrl}\nNATS        ${services.natsUrl}  (JetStream on)\nfolder      ${services.dir}\n`);
  console.log(`In another terminal:\n  export EFD_PG_URL=${pgUrl} EFD_NATS_URL=${services.natsUrl}\n  npm run -s flow -- run public/examples/content-platform.json --commands 200 --seed 7\n\nCtrl+C stops both servers and deletes the folder.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await services.stop();
  return 0;
}
