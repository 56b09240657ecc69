import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../http/http";

/**
 * The AWS Query protocol as STS speaks it: form-encoded POST bodies (`Action=…&Version=…&Member=…`)
 * answered with XML. https://docs.aws.amazon.com/STS/latest/APIReference/CommonParameters.html
 */
export const STS_XML_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

export function isFormContentType(value: string | undefined): boolean {
  return (value ?? "").split(";")[0].trim().toLowerCase() === "application/x-www-form-urlencoded";
}

export function parseForm(body: string): Map<string, string> {
  return new Map(new URLSearchParams(body));
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Nested elements from a plain object; Dates become ISO 8601, as Query answers write timestamps. */
export function toXml(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, member]) => member !== undefined)
    .map(([name, member]) => {
      const inner =
        member instanceof Date ? member.toISOString()
        : typeof member === "object" && member !== null ? toXml(member as Record<string, unknown>)
        : escapeXml(String(member));
      return `<${name}>${inner}</${name}>`;
    })
    .join("");
}

export function sendXml(req: IncomingMessage, res: ServerResponse, status: number, requestId: string, xml: string): void {
  sendJson(req, res, status, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`, {
    "Content-Type": "text/xml",
    "x-amzn-RequestId": requestId,
  });
}

/** An STS error: Query errors carry a code, a Sender/Receiver type and an HTTP status. */
export class StsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: "Sender" | "Receiver" = "Sender",
  ) {
    super(message);
  }
}

export function sendStsError(req: IncomingMessage, res: ServerResponse, requestId: string, error: StsError): void {
  const xml = `<ErrorResponse xmlns="${STS_XML_NAMESPACE}">${toXml({ Error: { Type: error.type, Code: error.code, Message: error.message } })}${toXml({ RequestId: requestId })}</ErrorResponse>`;
  sendXml(req, res, error.status, requestId, xml);
}

export function sendStsResult(req: IncomingMessage, res: ServerResponse, requestId: string, action: string, result: Record<string, unknown>): void {
  const xml = `<${action}Response xmlns="${STS_XML_NAMESPACE}">${toXml({ [`${action}Result`]: result, ResponseMetadata: { RequestId: requestId } })}</${action}Response>`;
  sendXml(req, res, 200, requestId, xml);
}
