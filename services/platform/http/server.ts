/**
 * The HTTP server of an Express app, whose requests and responses are BORN with the app's prototypes
 * (`app.request`, `app.response`) instead of getting them per request. Express's app.handle — and the command lane —
 * call `Object.setPrototypeOf(req, app.request)` (and res) on every request; on an object that already has that
 * prototype it is a no-op, while on a fresh IncomingMessage it gives the object a new hidden class. On Node 20 the
 * prototype change made per-request objects survive young-generation GCs and be promoted — in a one-route Express
 * app and in kezen under the command load alike, where it was most of the request loop's promoted bytes;
 * born with the prototypes, nothing of it is promoted.
 *
 * `app.listen` (and supertest) keep working as before: they create a plain server, and Express sets the prototypes
 * per request, as always. Node's IncomingMessage and ServerResponse are plain constructor functions (Node 20–24);
 * should one become a class, the plain server is used instead (same behaviour, the old cost).
 */
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express } from 'express';

const callable = (constructor: unknown) =>
  typeof constructor === 'function' && !/^class\b/.test(Function.prototype.toString.call(constructor));

/** A node:http server for `app` (not listening yet). */
export function httpServerFor(app: Express): Server {
  if (!callable(IncomingMessage) || !callable(ServerResponse)) return createServer(app);
  // Constructor functions whose `prototype` is the app's: `new` gives each object its final hidden class at once.
  // (Reflect.construct with this as new target measured as slow as the per-request prototype change; a subclass
  // would put its own prototype in between, which Express would change again.)
  function AppRequest(this: IncomingMessage, socket: Socket) {
    (IncomingMessage as unknown as (this: IncomingMessage, socket: Socket) => void).call(this, socket);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: ServerResponse, req: IncomingMessage, options?: unknown) {
    (ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options?: unknown) => void).call(
      this,
      req,
      options,
    );
  }
  AppResponse.prototype = app.response;
  return createServer(
    {
      IncomingMessage: AppRequest as unknown as typeof IncomingMessage,
      ServerResponse: AppResponse as unknown as typeof ServerResponse,
    },
    app,
  );
}
