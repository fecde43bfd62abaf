/** A database problem the user can fix (bad URL, server down, wrong password): print `message` alone. */
export class RotaDbError extends Error {
  override readonly name = 'RotaDbError';
}
