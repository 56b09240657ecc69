import {
  type ActionTypeDeclaration,
  CreatePipelineCommand,
  GetActionTypeCommand,
  ListActionTypesCommand,
  UpdateActionTypeCommand,
} from "@aws-sdk/client-codepipeline";
import { beforeEach, describe, expect, it } from "vitest";
import { emulatorSuite, expectError, pipeline, source, stage } from "./fixtures";

const suite = emulatorSuite();

const ID = { category: "Test", owner: "ThirdParty", provider: "AcmeScanner", version: "1" } as const;

const declaration = (extra: Partial<ActionTypeDeclaration> = {}): ActionTypeDeclaration => ({
  id: ID,
  description: "Scans the build for vulnerabilities",
  executor: { type: "JobWorker", configuration: { jobWorkerExecutorConfiguration: { pollingAccounts: ["123456789012"] } }, jobTimeout: 3600 },
  inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
  outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
  properties: [{ name: "ProjectKey", optional: false, key: true, noEcho: false, queryable: true }],
  urls: { executionUrlTemplate: "https://scanner.example.com/runs/{ExternalExecutionId}" },
  ...extra,
});

const scan = (configuration: Record<string, string>) => ({
  name: "Scan",
  actionTypeId: ID,
  configuration,
  inputArtifacts: [{ name: "SourceOutput" }],
});

const get = () => suite.client.send(new GetActionTypeCommand(ID));
const update = (d: ActionTypeDeclaration) => suite.client.send(new UpdateActionTypeCommand({ actionType: d }));

beforeEach(() => suite.emu.control.loadScenario({ pipelines: [], actionTypes: [declaration()] }));

describe("GetActionType and UpdateActionType", () => {
  it("describe the provider's action type, and an update replaces it for GetActionType and ListActionTypes", async () => {
    expect((await get()).actionType).toEqual(declaration());
    const listed = async () => (await suite.client.send(new ListActionTypesCommand({ actionOwnerFilter: "ThirdParty" }))).actionTypes;
    expect(await listed()).toEqual([
      {
        id: ID,
        settings: { executionUrlTemplate: "https://scanner.example.com/runs/{ExternalExecutionId}" },
        actionConfigurationProperties: [{ name: "ProjectKey", required: true, key: true, secret: false, queryable: true }],
        inputArtifactDetails: { minimumCount: 1, maximumCount: 1 },
        outputArtifactDetails: { minimumCount: 0, maximumCount: 0 },
      },
    ]);

    const changed = declaration({
      description: "Scans builds and images",
      properties: [
        { name: "ProjectKey", optional: true, key: true, noEcho: false, queryable: true },
        { name: "ApiToken", optional: true, key: false, noEcho: true, description: "Token for the scanner's API" },
      ],
      inputArtifactDetails: { minimumCount: 1, maximumCount: 2 },
    });
    expect(await update(changed)).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect((await get()).actionType).toEqual(changed);
    expect((await listed())![0].actionConfigurationProperties).toEqual([
      { name: "ProjectKey", required: false, key: true, secret: false, queryable: true },
      { name: "ApiToken", required: false, key: false, secret: true, description: "Token for the scanner's API" },
    ]);
  });

  it("pipelines that use the type are checked against its declaration, before and after an update", async () => {
    const create = (name: string, configuration: Record<string, string>) =>
      suite.client.send(new CreatePipelineCommand({ pipeline: pipeline(name, [stage("Source", source()), stage("Scan", scan(configuration))]) }));
    await expectError(create("scanned", {}), "InvalidActionDeclarationException", "Action configuration for action 'Scan' is missing required configuration 'ProjectKey'");
    await create("keyed", { ProjectKey: "web" });
    await update(declaration({ properties: [{ name: "ProjectKey", optional: true, key: true, noEcho: false }] }));
    expect((await create("scanned", {})).pipeline?.name).toBe("scanned");
  });

  it("refuse an unknown type, a Custom owner, an executor without its configuration, and another account's type", async () => {
    await expectError(update(declaration({ id: { ...ID, provider: "Nope" } })), "ActionTypeNotFoundException", /Provider: 'Nope'/);
    await expectError(suite.client.send(new GetActionTypeCommand({ ...ID, provider: "Nope" })), "ActionTypeNotFoundException");
    await expectError(update(declaration({ id: { ...ID, owner: "Custom" } })), "ValidationException", /Member must satisfy regular expression pattern: AWS\|ThirdParty/);
    await expectError(update(declaration({ id: { ...ID, owner: "AWSX" } })), "ValidationException", /Value 'AWSX' at 'actionType.id.owner'/);
    await expectError(update(declaration({ executor: { type: "Lambda", configuration: {} } })), "ValidationException", /lambdaExecutorConfiguration/);
    await expectError(suite.emu.client({ region: "eu-west-1" }).send(new GetActionTypeCommand(ID)), "ActionTypeNotFoundException");
    expect((await get()).actionType).toEqual(declaration());
  });
});
