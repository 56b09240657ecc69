import { useEffect, useRef } from "react";
import { useNavigate } from "react-router";
import { useSource } from "../../app/source-context";
import { boundKeys, faviconDataUrl, newEvents, titleWithCount } from "../../core/approvals/attention";
import { usePendingApprovals } from "./api/use-approvals";
import { approvalPaths } from "./lib/paths";
import { notificationsEnabled } from "./lib/notification-settings";

const NOTIFIED_KEY = "codepipeline-dashboard:notified";

function loadNotified(): Set<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(NOTIFIED_KEY) ?? "[]");
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : []);
  } catch {
    return new Set();
  }
}

function saveNotified(keys: Set<string>) {
  try {
    localStorage.setItem(NOTIFIED_KEY, JSON.stringify(boundKeys(keys)));
  } catch {
    // memory only
  }
}

/**
 * Mount once in the layout: the tab title and favicon show the count of waiting approvals, and (opt-in) a
 * browser notification fires when an approval starts waiting or a pipeline fails, linking to it. Each
 * approval or failure notifies once: what is already there at load is the baseline, keys already notified
 * (in any tab) are kept in localStorage, and the notification `tag` lets the browser fold duplicates.
 */
export function useApprovalsAttention() {
  const source = useSource();
  const navigate = useNavigate();
  const { approvals, failures, complete } = usePendingApprovals();
  const count = approvals.length;
  const seen = useRef<Set<string> | undefined>(undefined);

  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, count);
      if (next !== document.title) document.title = next;
    };
    apply();
    const title = document.querySelector("title");
    if (!title) return;
    const observer = new MutationObserver(apply);
    observer.observe(title, { childList: true, characterData: true, subtree: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);

  useEffect(() => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) return;
    const original = link.dataset.original ?? link.href;
    link.dataset.original = original;
    link.href = count > 0 ? faviconDataUrl(count) : original;
    return () => {
      link.href = original;
    };
  }, [count]);

  useEffect(() => {
    if (!complete) return;
    const events = [
      ...approvals.map((a) => ({
        key: `approval:${a.key}`,
        title: `Approval waiting: ${a.pipelineName}`,
        body: `${a.stageName} › ${a.actionName} is waiting for a decision.`,
        href: approvalPaths.approval(a.pipelineName, a.stageName, a.actionName),
      })),
      ...failures.map((f) => ({
        key: `failure:${f.key}`,
        title: `Pipeline failed: ${f.pipelineName}`,
        body: `${f.stageName}${f.actionName ? ` › ${f.actionName}` : ""} failed${f.message ? `: ${f.message}` : "."}`,
        href: approvalPaths.pipeline(f.pipelineName),
      })),
    ];
    const { fresh, seen: next } = newEvents(seen.current, events);
    seen.current = next;
    if (fresh.length === 0 || !notificationsEnabled(source.id)) return;
    const notified = loadNotified();
    for (const event of fresh) {
      if (notified.has(event.key)) continue;
      notified.add(event.key);
      const notification = new Notification(event.title, { body: event.body, tag: event.key });
      notification.onclick = () => {
        window.focus();
        navigate(event.href);
        notification.close();
      };
    }
    saveNotified(notified);
  }, [approvals, failures, complete, source.id, navigate]);

  return count;
}
