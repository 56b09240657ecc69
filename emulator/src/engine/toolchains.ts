/*
 * What a simulated build prints: a buildspec (commands per phase) and its commands' output, in the
 * style of the project's toolchain. Lines are made from a seed and a line number when a log is read,
 * so a log of any length costs nothing to keep. Colours are the ANSI codes the tools print on a
 * terminal (CodeBuild keeps them); log text is data, never markup.
 */

export type Toolchain = "gradle" | "maven" | "xcode" | "terraform" | "python" | "npm";

export interface Buildspec {
  install: string[];
  preBuild: string[];
  build: string[];
  postBuild: string[];
}

export type BuildspecPhase = keyof Buildspec;

const RED = "\u001b[31m";
const GREEN = "\u001b[32m";
const YELLOW = "\u001b[33m";
const BOLD = "\u001b[1m";
const DIM = "\u001b[2m";
const RESET = "\u001b[0m";

/** A 32-bit mix of two integers (murmur3's finaliser): the same seed and line give the same text. */
export function mix(seed: number, n: number): number {
  let h = Math.imul(seed ^ Math.imul(n, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashText(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pick = <T>(items: readonly T[], h: number): T => items[h % items.length];

/** The toolchain a project's name (or a Commands action's commands) suggests. */
export function toolchainOf(project: string): Toolchain {
  if (/android|gradle|kotlin|play/i.test(project)) return "gradle";
  if (/maven|mvn/i.test(project)) return "maven";
  if (/ios|xcode|testflight|appstore|swift/i.test(project)) return "xcode";
  if (/terraform|infra|tf-/i.test(project)) return "terraform";
  if (/\bpip\b|python|pytest/i.test(project)) return "python";
  return "npm";
}

export function defaultBuildspec(toolchain: Toolchain, category: string): Buildspec {
  switch (toolchain) {
    case "gradle":
      return {
        install: ["yes | sdkmanager --licenses > /dev/null", "./gradlew --version"],
        preBuild: ["echo Build started on `date`"],
        build: [category === "Test" ? "./gradlew testReleaseUnitTest --no-daemon --console=plain" : "./gradlew assembleRelease --no-daemon --console=plain"],
        postBuild: ["echo Build completed on `date`"],
      };
    case "maven":
      return {
        install: ["mvn -B -q dependency:go-offline"],
        preBuild: ["echo Build started on `date`"],
        build: [category === "Test" ? "mvn -B verify" : "mvn -B package -DskipTests=false"],
        postBuild: ["echo Build completed on `date`"],
      };
    case "xcode":
      return {
        install: ["bundle install --quiet", "pod install --repo-update"],
        preBuild: ["xcodebuild -version"],
        build: ["xcodebuild -workspace Tidewater.xcworkspace -scheme Tidewater -configuration Release -archivePath build/Tidewater.xcarchive archive"],
        postBuild: ["echo Build completed on `date`"],
      };
    case "terraform":
      return {
        install: ["terraform version"],
        preBuild: ["terraform init -input=false"],
        build: ["terraform plan -input=false -out=tfplan"],
        postBuild: ["terraform show -no-color tfplan > plan.txt"],
      };
    case "python":
      return {
        install: ["pip install -r requirements.txt"],
        preBuild: ["python -m flake8 src"],
        build: [category === "Test" ? "python -m pytest -q" : "python -m build"],
        postBuild: ["echo Build completed on `date`"],
      };
    case "npm":
      return {
        install: ["npm ci"],
        preBuild: ["npm run lint"],
        build: [category === "Test" ? "npm test -- --reporter=verbose" : "npm run build"],
        postBuild: ["echo Build completed on `date`"],
      };
  }
}

const GRADLE_MODULES = [":app", ":core:network", ":core:data", ":feature:checkout", ":feature:catalog", ":feature:account", ":design-system"];
const GRADLE_TASKS = [
  "preBuild", "preReleaseBuild", "generateReleaseBuildConfig", "checkReleaseAarMetadata", "generateReleaseResValues", "mapReleaseSourceSetPaths",
  "mergeReleaseResources", "processReleaseMainManifest", "processReleaseManifest", "processReleaseResources", "kaptGenerateStubsReleaseKotlin",
  "compileReleaseKotlin", "compileReleaseJavaWithJavac", "mergeReleaseJniLibFolders", "dexBuilderRelease", "mergeReleaseJavaResource", "bundleReleaseClassesToCompileJar",
];
const KOTLIN_FILES = ["checkout/CartRepository.kt", "catalog/ProductListViewModel.kt", "account/ProfileScreen.kt", "network/ApiClient.kt", "checkout/PaymentSheetViewModel.kt"];
const SWIFT_FILES = ["Checkout/CartView.swift", "Catalog/ProductGrid.swift", "Account/ProfileViewModel.swift", "Networking/APIClient.swift", "Checkout/PaymentSheetView.swift"];
const TF_RESOURCES = ["aws_rds_cluster.orders", "aws_kms_key.orders", "aws_security_group.db", "aws_iam_role.app", "aws_s3_bucket.assets", "aws_lb_listener.https", "aws_route53_record.api"];
const NPM_MODULES = ["src/cart/cart.ts", "src/catalog/search.ts", "src/checkout/payment.ts", "src/account/profile.ts", "src/lib/http.ts", "src/components/Button.tsx"];

function gradleLine(phase: BuildspecPhase, h: number): string {
  if (phase !== "build") return pick([`Downloading https://dl.google.com/android/repository/build-tools_r34-linux.zip`, `${(h % 90) + 10}% [====================>          ]`, "License for package Android SDK Build-Tools 34 accepted.", "Kotlin:       1.9.22", "JVM:          17.0.10 (Amazon.com Inc. 17.0.10+7-LTS)", "Gradle 8.7"], h);
  const module = pick(GRADLE_MODULES, h >>> 3);
  const task = pick(GRADLE_TASKS, h >>> 7);
  if (h % 23 === 0) return `${YELLOW}w: file:///codebuild/output/src/android/app/src/main/java/io/tidewater/shop/${pick(KOTLIN_FILES, h >>> 11)}:${(h % 300) + 1}:${(h % 40) + 1} '${pick(["onActivityResult", "getParcelableExtra", "setHasOptionsMenu"], h >>> 5)}' is deprecated. Deprecated in Java${RESET}`;
  if (h % 7 === 0) return `> Task ${module}:${task} UP-TO-DATE`;
  if (h % 11 === 0) return `> Task ${module}:${task} FROM-CACHE`;
  return `> Task ${module}:${task}`;
}

const MAVEN_MODULES = ["billing-core", "billing-api", "billing-invoices", "billing-tax", "billing-batch"];
const MAVEN_ARTIFACTS = ["org/springframework/spring-core/6.1.13/spring-core-6.1.13.jar", "com/fasterxml/jackson/core/jackson-databind/2.17.2/jackson-databind-2.17.2.jar", "org/postgresql/postgresql/42.7.4/postgresql-42.7.4.jar", "org/junit/jupiter/junit-jupiter-api/5.11.0/junit-jupiter-api-5.11.0.jar"];

function mavenLine(phase: BuildspecPhase, h: number): string {
  const info = `[${BOLD}\u001b[34mINFO${RESET}]`;
  if (phase !== "build") return `Downloaded from central: https://repo.maven.apache.org/maven2/${pick(MAVEN_ARTIFACTS, h >>> 3)} (${(h % 900) + 10} kB at ${((h % 40) / 10 + 0.4).toFixed(1)} MB/s)`;
  const module = pick(MAVEN_MODULES, h >>> 5);
  if (h % 29 === 0) return `[${YELLOW}WARNING${RESET}] /codebuild/output/src/${module}/src/main/java/io/tidewater/billing/${pick(["InvoiceService", "TaxRules", "LedgerExport"], h >>> 9)}.java:[${(h % 300) + 1},${(h % 40) + 1}] deprecated API: java.util.Date.getYear()`;
  if (h % 7 === 0) return `${info} ${BOLD}--- ${pick(["maven-compiler-plugin:3.13.0:compile (default-compile)", "maven-surefire-plugin:3.5.0:test (default-test)", "maven-jar-plugin:3.4.2:jar (default-jar)"], h >>> 11)} @ ${module} ---${RESET}`;
  if (h % 5 === 0) return `${info} Tests run: ${(h % 60) + 1}, Failures: 0, Errors: 0, Skipped: ${h % 3}, Time elapsed: ${(h % 900) / 100} s - in io.tidewater.billing.${pick(["InvoiceServiceTest", "TaxRulesTest", "VatCalculatorTest", "LedgerExportTest"], h >>> 13)}`;
  return `${info} Compiling ${(h % 400) + 12} source files with javac [debug release 21] to target/classes`;
}

function xcodeLine(phase: BuildspecPhase, h: number): string {
  if (phase === "install") return pick(["Analyzing dependencies", "Downloading dependencies", `Installing Alamofire (5.9.1)`, "Installing Stripe (23.27.0)", "Generating Pods project", "Pod installation complete! There are 14 dependencies from the Podfile and 21 total pods installed."], h);
  if (phase !== "build") return pick(["Xcode 15.4", "Build version 15F31d"], h);
  const file = pick(SWIFT_FILES, h >>> 5);
  if (h % 19 === 0) return `/codebuild/output/src/ios/Tidewater/${file}:${(h % 200) + 1}:${(h % 30) + 1}: ${YELLOW}warning:${RESET} initialization of immutable value 'result' was never used`;
  if (h % 5 === 0) return `Ld /codebuild/output/Build/Intermediates.noindex/ArchiveIntermediates/Tidewater/InstallationBuildProductsLocation/Applications/Tidewater.app/Tidewater normal (in target 'Tidewater' from project 'Tidewater')`;
  return `SwiftCompile normal arm64 /codebuild/output/src/ios/Tidewater/${file} (in target 'Tidewater' from project 'Tidewater')`;
}

function terraformLine(phase: BuildspecPhase, h: number): string {
  if (phase === "install") return pick(["Terraform v1.8.5", "on linux_amd64", "+ provider registry.terraform.io/hashicorp/aws v5.54.1"], h);
  if (phase === "preBuild") return pick(["Initializing the backend...", "Initializing modules...", "- Installing hashicorp/aws v5.54.1...", `${GREEN}Terraform has been successfully initialized!${RESET}`], h);
  const resource = pick(TF_RESOURCES, h >>> 3);
  if (phase === "postBuild") return `  # module.core.${resource} will be updated in-place`;
  if (h % 9 === 0) return `  ${GREEN}+${RESET} resource "${resource.split(".")[0]}" "${resource.split(".")[1]}" {`;
  if (h % 13 === 0) return `  ${YELLOW}~${RESET} tags = { "team" = "platform" }`;
  return `module.core.${resource}: Refreshing state... [id=${(h * 2654435761).toString(16).slice(0, 12)}]`;
}

function npmLine(phase: BuildspecPhase, h: number, testing: boolean): string {
  if (phase === "install") {
    if (h % 9 === 0) return `npm ${YELLOW}warn${RESET} deprecated ${pick(["inflight@1.0.6", "glob@7.2.3", "rimraf@3.0.2"], h >>> 4)}: This module is not supported, and leaks memory.`;
    return pick([`added ${1200 + (h % 300)} packages, and audited ${1201 + (h % 300)} packages in ${20 + (h % 40)}s`, `${180 + (h % 40)} packages are looking for funding`, "  run `npm fund` for details", "found 0 vulnerabilities"], h >>> 2);
  }
  const file = pick(NPM_MODULES, h >>> 5);
  if (phase === "preBuild") return h % 3 === 0 ? `/codebuild/output/src/web/${file}` : `  ${(h % 200) + 1}:${(h % 30) + 1}  ${YELLOW}warning${RESET}  Unexpected console statement  no-console`;
  if (phase === "postBuild") return `npm notice ${pick(["New minor version of npm available! 10.8.2 -> 10.9.0", "Run `npm install -g npm@10.9.0` to update!"], h)}`;
  if (testing) return h % 31 === 0 ? ` ${YELLOW}↓${RESET} ${file.replace(/\.tsx?$/, ".test.ts")} > skips the legacy path ${DIM}[skipped]${RESET}` : ` ${GREEN}✓${RESET} ${file.replace(/\.tsx?$/, ".test.ts")} > ${pick(["adds an item", "keeps the total", "retries on 503", "renders the empty state", "formats the price"], h >>> 9)} ${DIM}${h % 90}ms${RESET}`;
  if (h % 17 === 0) return `${GREEN}✓${RESET} ${1400 + (h % 200)} modules transformed.`;
  return `${DIM}dist/${RESET}assets/${pick(["index", "vendor", "checkout", "catalog"], h >>> 3)}-${(h >>> 8).toString(16)}.js  ${(h % 500) + 10}.${h % 100} kB │ gzip: ${(h % 150) + 3}.${h % 100} kB`;
}

const PY_PACKAGES = ["boto3-1.35.36", "botocore-1.35.36", "psycopg-3.2.3", "pydantic-2.9.2", "sqlalchemy-2.0.35", "structlog-24.4.0", "tenacity-9.0.0"];
const TABLES = ["inventory_levels", "stock_movements", "purchase_orders", "bin_locations", "carrier_rates", "shipments"];

function pythonLine(phase: BuildspecPhase, h: number, testing: boolean): string {
  const pkg = pick(PY_PACKAGES, h >>> 3);
  if (phase === "install") {
    if (h % 4 === 0) return `  Downloading ${pkg}-py3-none-any.whl (${(h % 900) + 20} kB)`;
    if (h % 13 === 0) return `Successfully installed ${PY_PACKAGES.slice(0, 1 + (h % PY_PACKAGES.length)).join(" ")}`;
    return `Collecting ${pkg.replace(/-([\d.]+)$/, "==$1")}`;
  }
  const table = pick(TABLES, h >>> 5);
  if (phase === "preBuild") return h % 5 === 0 ? `src/warehouse_sync/${table}.py:${(h % 200) + 1}:${(h % 60) + 1}: ${YELLOW}W291${RESET} trailing whitespace` : `checked src/warehouse_sync/${table}.py`;
  if (testing) return `tests/test_${table}.py ${GREEN}${".".repeat((h % 12) + 1)}${RESET}   [${String(h % 100).padStart(3)}%]`;
  if (h % 17 === 0) return `${YELLOW}WARNING${RESET} ${table}: ${(h % 40) + 1} rows without a bin location (allowed below 100)`;
  return `INFO    ${table}: column ${pick(["sku", "warehouse_id", "quantity", "updated_at", "lot", "expires_on"], h >>> 9)} ${pick(["matches", "present", "type ok"], h >>> 13)} (${(h % 2_000_000) + 10} rows)`;
}

/** Line `n` of `command`'s output (the same seed and n give the same line). */
export function outputLine(toolchain: Toolchain, phase: BuildspecPhase, seed: number, n: number, testing: boolean): string {
  const h = mix(seed, n);
  switch (toolchain) {
    case "gradle":
      return gradleLine(phase, h);
    case "maven":
      return mavenLine(phase, h);
    case "xcode":
      return xcodeLine(phase, h);
    case "terraform":
      return terraformLine(phase, h);
    case "python":
      return pythonLine(phase, h, testing);
    case "npm":
      return npmLine(phase, h, testing);
  }
}

/** What a failing command prints before it exits, when the scenario gives nothing better. */
export function defaultFailureOutput(toolchain: Toolchain): string[] {
  switch (toolchain) {
    case "gradle":
      return [
        "> Task :app:compileReleaseKotlin FAILED",
        `${RED}e: file:///codebuild/output/src/android/app/src/main/java/io/tidewater/shop/catalog/ProductListViewModel.kt:54:13 Unresolved reference: sortOrder${RESET}`,
        "",
        `${RED}${BOLD}FAILURE: Build failed with an exception.${RESET}`,
        "* What went wrong:",
        "Execution failed for task ':app:compileReleaseKotlin'.",
        "> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction",
        `${RED}BUILD FAILED${RESET} in 3m 12s`,
      ];
    case "maven":
      return [`[${RED}ERROR${RESET}] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.13.0:compile (default-compile) on project billing-core: Compilation failure`, `[${RED}ERROR${RESET}] BUILD FAILURE`];
    case "xcode":
      return [`/codebuild/output/src/ios/Tidewater/Catalog/ProductGrid.swift:88:21: ${RED}error:${RESET} value of type 'Product' has no member 'badge'`, `${RED}** ARCHIVE FAILED **${RESET}`];
    case "terraform":
      return [`${RED}╷${RESET}`, `${RED}│ Error: Invalid reference${RESET}`, `${RED}│${RESET}   on modules/rds/main.tf line 42`, `${RED}╵${RESET}`];
    case "python":
      return ["Traceback (most recent call last):", '  File "/codebuild/output/src/warehouse_sync/check_schema.py", line 88, in <module>', `${RED}warehouse_sync.errors.SchemaMismatch: stock_movements.quantity is numeric(12,3) on staging, integer expected${RESET}`];
    case "npm":
      return [`src/checkout/payment.ts(42,17): ${RED}error${RESET} TS2339: Property 'total' does not exist on type 'Cart'.`, `npm ${RED}error${RESET} Lifecycle script \`build\` failed with error:`, "npm error code 1"];
  }
}

/** A scenario error printed as the tool prints it: compiler errors in red. */
export function colourFailure(line: string): string {
  return /(^e: |error|FAILED|failed)/.test(line) ? `${RED}${line}${RESET}` : line;
}
