// Prints one plain closing line, "tests: N passed, N failed[, N skipped]", as the very last line
// of a run (at process exit, after jest's own summary): the form CI tooling reads to tell a run
// that tested something from one that did not.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed`;
    process.once('exit', () => process.stderr.write(`${skipped ? `${line}, ${skipped} skipped` : line}\n`));
  }
}
module.exports = SummaryReporter;
