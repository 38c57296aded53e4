// Errors for people: what is wrong with the input, where, and what to do.
// Readers throw ProfileError; the CLI and the app print only its message.
export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}
