// Prints one plain closing line, "tests: N passed, N failed[, N skipped]", as the very last line
// of a run (at process exit, after jest's own summary): the form CI tooling reads to tell a run
// that tested something from one that did not.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    // A test file that cannot even load (a syntax or import error) runs no test but is a failure.
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed`;
    process.once('exit', () => process.stderr.write(`${skipped ? `${line}, ${skipped} skipped` : line}\n`));
  }
}
module.exports = SummaryReporter;
