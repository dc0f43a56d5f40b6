// Guards every test file of the suite: listed in jest's setupFilesAfterEnv, it installs the output
// capture before each file's tests and fails the file if a token or client secret appeared in any
// output item, error, trigger answer, console call or log line (see outputCapture.ts).

import { expectNoSecretLeaks } from './outputCapture';

expectNoSecretLeaks();
