// tsprof-web's version, from package.json (inlined by the CLI's build).
import pkg from '../../package.json';

export const VERSION: string = pkg.version;
