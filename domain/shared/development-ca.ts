/**
 * The development CA's certificate: the trust anchor of the embedded default when no trust store is configured, and
 * of every test and the demo. Public material only — its private key and the keys of the persons it certifies stay
 * with the tests (domain/privatization/testing/test-keys.ts). Never a trust anchor in production.
 */
export const DEVELOPMENT_CA_CERT = `-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIHS0VaRU4AATAKBggqhkjOPQQDAjA+MRswGQYDVQQDDBJr
ZXplbiBURVNUIHJvb3QgQ0ExHzAdBgNVBAoMFmtlemVuIHRlc3QgdHJ1c3Qgc3Rv
cmUwHhcNMjAwMTAxMDAwMDAwWhcNNDUxMjMxMDAwMDAwWjA+MRswGQYDVQQDDBJr
ZXplbiBURVNUIHJvb3QgQ0ExHzAdBgNVBAoMFmtlemVuIHRlc3QgdHJ1c3Qgc3Rv
cmUwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQhaGqYSHunWMY9uTVjD6xqIzMO
1SKUq3pMAw8SJ2YckWZvd94VxN12x3QUV1zfhsXqj/Bh0mxYm5hTehu4NzMEo0Iw
QDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUPGYp
q8cTgE12wLaiRBnefmhcWOAwCgYIKoZIzj0EAwIDSAAwRQIgGRZYE6Ylvh50Pg7A
WMLX1tNWoDyll9s8CSLFF1xURSECIQCStW8rLhwkH8lKCKOjz3J+zS2BqzKf0oJ9
WwWEbRiR+Q==
-----END CERTIFICATE-----`;
