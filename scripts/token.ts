/**
 * Prints a dev token (HS256) for the embedded default:
 *   npm run token -- --role provider-officer --provider akimat-astana [--iin 900101300018] [--sub user:1] [--name "…"] [--ttl 8h]
 * The secret: KEZEN_JWT_SECRET, else `<KEZEN_DATA_DIR>/dev-secret` written by `npm start`.
 */
import { parseArgs } from 'node:util';
import { mintDevToken, readDevSecret } from '../services/platform/auth/dev-token';
import { loadConfig } from '../services/platform/config';
import { ROLES, isRole, type Role } from '../services/platform/roles';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      provider: { type: 'string' },
      iin: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const roles = (values.role ?? []).flatMap((r) => r.split(','));
  if (roles.length === 0 || !roles.every(isRole)) {
    process.stderr.write(
      `Usage: npm run token -- --role <role> [--provider <id>] [--iin <IIN>] [--sub <id>]\nRoles: ${ROLES.join(', ')}\n`,
    );
    process.exit(2);
  }
  const config = loadConfig();
  const secret = config.jwt.secret ?? readDevSecret(config.dataDir);
  if (!secret) {
    process.stderr.write(
      `No secret: set KEZEN_JWT_SECRET or start kezen once (it writes ${config.dataDir}/dev-secret)\n`,
    );
    process.exit(1);
  }
  const token = await mintDevToken({
    secret,
    issuer: config.jwt.issuer,
    audience: config.jwt.audience,
    sub: values.sub ?? `dev:${roles.join('+')}${values.provider ? `@${values.provider}` : ''}`,
    roles: roles as Role[],
    ...(values.provider ? { providerId: values.provider } : {}),
    ...(values.iin ? { iin: values.iin } : {}),
    ...(values.name ? { name: values.name } : {}),
    expiresIn: values.ttl,
  });
  process.stdout.write(`${token}\n`);
}

void main();
