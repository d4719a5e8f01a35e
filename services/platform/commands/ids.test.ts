import { v5 as uuidv5, validate, version } from 'uuid';
import { commandEventId, KEZEN_EVENT_ID_NAMESPACE } from './ids';

test('event ids are the RFC 9562 UUID v5 of "<commandId>:<index>" in kezen’s namespace (as the uuid package computes)', () => {
  const names = ['', 'ä-ünïcode-ключ', ...Array.from({ length: 200 }, () => crypto.randomUUID())];
  for (const [i, commandId] of names.entries()) {
    const id = commandEventId(commandId, i % 4);
    expect(id).toBe(uuidv5(`${commandId}:${i % 4}`, KEZEN_EVENT_ID_NAMESPACE));
    expect(validate(id) && version(id)).toBe(5);
  }
});
