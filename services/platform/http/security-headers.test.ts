/** The precomputed headers are helmet's own: the same response headers as `helmet()` as middleware. */
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { helmetHeaders, securityHeaders } from './security-headers';

function headersOf(middleware: express.RequestHandler) {
  const app = express();
  app.use(middleware);
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  return request(app)
    .get('/')
    .then((r) => {
      const { date: _date, etag: _etag, ...rest } = r.headers as Record<string, string>;
      return rest;
    });
}

test("the headers set once are exactly helmet()'s, X-Powered-By removed", async () => {
  expect(await headersOf(securityHeaders())).toEqual(await headersOf(helmet()));
  expect((await headersOf(securityHeaders()))['x-powered-by']).toBeUndefined();
});

test('what helmet sets by default: CSP, HSTS, nosniff, frame options; X-Powered-By removed', () => {
  const { set, removed } = helmetHeaders();
  const names = set.map(([n]) => n.toLowerCase());
  expect(names).toEqual(
    expect.arrayContaining([
      'content-security-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
    ]),
  );
  expect(removed).toEqual(['X-Powered-By']);
});

test('options are honoured (a header switched off is not set)', () => {
  const names = helmetHeaders({ strictTransportSecurity: false }).set.map(([n]) => n.toLowerCase());
  expect(names).not.toContain('strict-transport-security');
});
