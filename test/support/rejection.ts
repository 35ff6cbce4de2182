// The error a call was refused with, for tests that assert on a refusal's name, message and status rather
// than only on its having happened.

/** What `promise` rejected with, as the caller's client types it; a promise that resolves fails the test. */
export async function rejectionOf<E>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to be refused');
}
