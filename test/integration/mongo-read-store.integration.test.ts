/**
 * The MongoDB read store against a real MongoDB-protocol server (FerretDB v1.24.2 on SQLite): the same contract
 * suite as the embedded SQLite store, each test in a database of its own.
 */
import { MongoClient } from 'mongodb';
import { MongoReadStore } from '../../services/adapters/mongo/read-store';
import { readStoreContract } from '../contracts/read-store.contract';
import { freshDatabase, itServers } from './servers';

let client: MongoClient;

beforeAll(async () => {
  client = new MongoClient(itServers().mongoUrl);
  await client.connect();
});

afterAll(async () => {
  await client.close();
});

readStoreContract('MongoDB adapter on FerretDB v1.24.2 (fast path: guardInFilter false)', async () => {
  const database = freshDatabase('contract');
  return {
    store: new MongoReadStore({ url: itServers().mongoUrl, database, guardInFilter: false }),
    cleanup: async () => {
      await client.db(database).dropDatabase();
    },
  };
});

readStoreContract('MongoDB adapter on FerretDB v1.24.2 (default: guard in the filter)', async () => {
  const database = freshDatabase('contract');
  return {
    store: new MongoReadStore({ url: itServers().mongoUrl, database, guardInFilter: true }),
    cleanup: async () => {
      await client.db(database).dropDatabase();
    },
  };
});
