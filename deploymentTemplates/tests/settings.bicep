// Holder for the app-settings tests: each tests/*.bicepparam computes `settings` with the same function main.bicep
// uses, `bicep build-params` evaluates it, and check.sh compares the result with tests/<name>.expected.json.
@description('The app settings a test case computes.')
param settings object

output settings object = settings
