import type { Member, ServiceModel, Shape } from "../src/protocol/model";

/**
 * The service model in botocore's format (`service-2.json`), for an AWS CLI whose bundled model is
 * older than the operation under test: the CLI reads models from `~/.aws/models` before its own (what
 * `aws configure add-model` writes), so a test HOME with this file lets Debian's CLI 2.9 call
 * operations AWS added later, such as ListDeployActionExecutionTargets. Requests are still built and
 * signed, and answers parsed, by the CLI's own code.
 */
export function botocoreModel(model: ServiceModel, apiVersion: string, serviceFullName: string) {
  const shapeName = (name: string) => (name.startsWith("smithy.api#") ? `Prelude${name.slice("smithy.api#".length)}` : name);
  const ref = (m: Member) => ({ shape: shapeName(m.target) });
  const convert = (shape: Shape): Record<string, unknown> => {
    const bounds = shape.type === "number" ? shape.range : shape.length;
    const common = {
      ...(bounds?.min !== undefined && { min: bounds.min }),
      ...(bounds?.max !== undefined && { max: bounds.max }),
      ...(shape.pattern && { pattern: shape.pattern }),
      ...(shape.enum && { enum: [...shape.enum] }),
    };
    switch (shape.type) {
      case "structure":
      case "union":
        return {
          type: "structure",
          required: Object.entries(shape.members).filter(([, m]) => m.required).map(([n]) => n),
          members: Object.fromEntries(Object.entries(shape.members).map(([n, m]) => [n, ref(m)])),
        };
      case "list":
        return { type: "list", member: ref(shape.member), ...common };
      case "map":
        return { type: "map", key: ref(shape.key), value: ref(shape.value), ...common };
      case "number":
        return { type: "integer", ...common };
      case "document":
        return { type: "structure", members: {}, document: true };
      default:
        return { type: shape.type, ...common };
    }
  };
  return {
    version: "2.0",
    metadata: {
      apiVersion,
      endpointPrefix: model.signingName,
      jsonVersion: model.jsonVersion,
      protocol: "json",
      serviceFullName,
      serviceId: model.sdkId,
      signatureVersion: "v4",
      signingName: model.signingName,
      targetPrefix: model.targetPrefix,
      uid: `${model.signingName}-${apiVersion}`,
    },
    operations: Object.fromEntries(
      Object.entries(model.operations).map(([name, op]) => [
        name,
        { name, http: { method: "POST", requestUri: "/" }, ...(op.input && { input: { shape: op.input } }), ...(op.output && { output: { shape: op.output } }) },
      ]),
    ),
    shapes: Object.fromEntries(Object.entries(model.shapes).map(([name, shape]) => [shapeName(name), convert(shape)])),
  };
}
