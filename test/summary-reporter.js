/** Prints one plain closing line ("unit: N passed, N failed, N skipped") that CI reads. */
class SummaryReporter {
  constructor(globalConfig, options) {
    this.label = (options && options.label) || 'tests';
  }
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests } = results;
    process.stdout.write(`\n${this.label}: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
