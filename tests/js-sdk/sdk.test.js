// The unchanged `runpod-sdk` npm package against the rpctl emulator (driven by
// tests/RunPod.Emulator.Tests/JsSdkCompatibilityTests.cs, which starts the emulator and sets
// RUNPOD_EMULATOR_URL and RUNPOD_API_KEY). Run by hand: `npm ci && npm test` with those set.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import runpodSdk from 'runpod-sdk'

const base = process.env.RUNPOD_EMULATOR_URL
const apiKey = process.env.RUNPOD_API_KEY
let endpoint

async function createEndpoint(workers) {
  const res = await fetch(`${base}/v2/serverless`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'js-sdk', type: 'QUEUE', image: 'example/worker:1',
      scaling: { type: 'QUEUE_DELAY', queueDelay: 4 }, gpu: { pools: ['ADA_24'] }, workers,
    }),
  })
  const text = await res.text()
  assert.equal(res.status, 201, text)
  const created = JSON.parse(text)
  return runpodSdk(apiKey, { baseUrl: `${base}/v2` }).endpoint(created.id)
}

before(async () => {
  assert.ok(base, 'RUNPOD_EMULATOR_URL must point at a running emulator')
  endpoint = await createEndpoint({ min: 0, max: 3 })
})

test('runSync returns the completed job with the echoed input as output', async () => {
  const result = await endpoint.runSync({ input: { prompt: 'hi' } })
  assert.equal(result.status, 'COMPLETED')
  assert.deepEqual(result.output, { prompt: 'hi' })
  assert.match(result.id, /^sync-[0-9a-f-]{36}-u1$/)
  assert.equal(result.succeeded, true)
})

test('runSync of a failing job reports FAILED with the error', async () => {
  const result = await endpoint.runSync({ input: { fail: 'model exploded' } })
  assert.equal(result.status, 'FAILED')
  assert.equal(result.error, 'model exploded')
  assert.equal(result.succeeded, false)
})

test('run queues a job and status follows it to COMPLETED', async () => {
  const submitted = await endpoint.run({ input: { output: 'done', sleep: 0.5 } })
  assert.equal(submitted.status, 'IN_QUEUE')
  let status
  for (let i = 0; i < 100; i++) {
    status = await endpoint.status(submitted.id)
    if (status.completed) break
    await new Promise(r => setTimeout(r, 100))
  }
  assert.equal(status.status, 'COMPLETED')
  assert.equal(status.output, 'done')
  assert.equal(typeof status.executionTime, 'number')
})

test('stream yields every chunk exactly once and in order', async () => {
  const { id } = await endpoint.run({ input: { stream: ['a', 'b', 'c', 'd'], sleep: 1 } })
  const chunks = []
  for await (const chunk of endpoint.stream(id)) chunks.push(chunk.output)
  assert.deepEqual(chunks, ['a', 'b', 'c', 'd'])
})

test('cancel stops a running job', async () => {
  const { id } = await endpoint.run({ input: { sleep: 60 } })
  const cancelled = await endpoint.cancel(id)
  assert.equal(cancelled.id, id)
  assert.equal(cancelled.status, 'CANCELLED')
  assert.equal((await endpoint.status(id)).status, 'CANCELLED')
})

test('purgeQueue removes queued jobs only, and health counts them', async () => {
  const small = await createEndpoint({ min: 1, max: 1 })
  const running = await small.run({ input: { sleep: 60 } })
  await new Promise(r => setTimeout(r, 200))
  await small.run({ input: { n: 1 } })
  await small.run({ input: { n: 2 } })

  const before = await small.health()
  assert.equal(before.jobs.inQueue, 2)
  assert.equal(before.jobs.inProgress, 1)
  assert.equal(before.workers.running, 1)

  const purged = await small.purgeQueue()
  assert.deepEqual(purged, { removed: 2, status: 'completed' })
  assert.equal((await small.status(running.id)).status, 'IN_PROGRESS')
  const after = await small.health()
  assert.equal(after.jobs.inQueue, 0)
  assert.equal(after.jobs.inProgress, 1)
  await small.cancel(running.id)
})
