// Digital Bazaar's side of bench/ob3-signing.sh: signs and verifies the same OpenBadgeCredential with
// @digitalbazaar/vc + data-integrity + eddsa-rdfc-2022-cryptosuite + ed25519-multikey (the harness's
// node_modules, offline contexts), one thread, and checks that our Java-signed copy verifies here too.
// Usage: node ob3-signing.mjs <harness dir> <results dir> <seconds>
import fs from 'node:fs';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';

const [harness, dir, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg || 10);
const {makeDocumentLoader} = await import(pathToFileURL(path.join(harness, 'lib/contexts.mjs')).href);
const unsigned = JSON.parse(fs.readFileSync(path.join(dir, 'unsigned.json'), 'utf8'));
const issuerId = unsigned.issuer.id;

const keyPair = await Ed25519Multikey.generate({controller: issuerId});
keyPair.id = `${issuerId}#${keyPair.publicKeyMultibase}`;
const ours = JSON.parse(fs.readFileSync(path.join(dir, 'java-key.json'), 'utf8'));
const publicDocs = new Map([
  [keyPair.id, await keyPair.export({publicKey: true, includeContext: true})],
  [ours.id, {'@context': 'https://w3id.org/security/multikey/v1', ...ours}]
]);
const documentLoader = makeDocumentLoader(async url => publicDocs.get(url));
const purpose = new vc.CredentialIssuancePurpose({
  controller: {id: issuerId, assertionMethod: [keyPair.id, ours.id]}
});
const checkStatus = async () => ({verified: true});
const now = new Date('2026-12-06T00:00:00Z');

async function run(what, secs, op) {
  const end = performance.now() + secs * 1000;
  const start = performance.now();
  let count = 0;
  while(performance.now() < end) {
    await op();
    count++;
  }
  const elapsed = (performance.now() - start) / 1000;
  const rate = count / elapsed;
  if(what !== 'warm-up') console.log(`digitalbazaar ${what}: ${count} in ${elapsed.toFixed(1)} s = ${rate.toFixed(1)}/s`);
  return rate;
}

// 2-second rounds until the rate stops rising (two rounds within 5 % of the best), at most a minute,
// as Ob3SigningBench does for the JVM.
async function warmUp(op) {
  const end = performance.now() + 60000;
  let best = 0;
  let calm = 0;
  while(performance.now() < end && calm < 2) {
    const rate = await run('warm-up', 2, op);
    calm = rate <= best * 1.05 ? calm + 1 : 0;
    best = Math.max(best, rate);
  }
}

const sign = () => vc.issue({
  credential: structuredClone(unsigned), documentLoader, now,
  suite: new DataIntegrityProof({signer: keyPair.signer(), cryptosuite, date: now})
});
const verifySigned = async credential => {
  const result = await vc.verifyCredential({
    credential, documentLoader, purpose, checkStatus, now,
    suite: new DataIntegrityProof({cryptosuite})
  });
  if(!result.verified) throw new Error(JSON.stringify(result.error?.errors?.[0]?.message || result.error || result));
};

const javaSigned = JSON.parse(fs.readFileSync(path.join(dir, 'java-signed.json'), 'utf8'));
await verifySigned(javaSigned);
console.log('interop: the Java-signed credential verifies with Digital Bazaar\'s libraries');
const signed = await sign();
await verifySigned(signed);
fs.writeFileSync(path.join(dir, 'digitalbazaar-signed.json'), JSON.stringify(signed, null, 2));
// both warmed up before either is measured, as on the Java side
await warmUp(sign);
await warmUp(() => verifySigned(signed));
const signRate = await run('sign', seconds, sign);
const verifyRate = await run('verify', seconds, () => verifySigned(signed));
console.log(`RESULT digitalbazaar sign=${signRate.toFixed(1)}/s verify=${verifyRate.toFixed(1)}/s (node ${process.version}, 1 thread)`);
