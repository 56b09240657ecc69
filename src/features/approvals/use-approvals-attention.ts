import { useEffect, useMemo, useRef } from "react";
import { useNavigate } from "react-router";
import { useSources } from "../../lib/sources/source-context";
import { boundKeys, faviconDataUrl, newEvents, titleWithCount } from "../../core/approvals/attention";
import { usePendingApprovals } from "./api/use-approvals";
import { useCountHeld } from "../../lib/polling/first-screen";
import { paths } from "../../lib/paths";
import { notificationsEnabled } from "../../lib/approvals/notification-settings";

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
 * Mount once in the layout: the tab title and favicon show the count of waiting approvals of every source, and
 * (opt-in, per source) a browser notification fires when an approval starts waiting or a pipeline fails,
 * linking to it in its own source. Each approval or failure notifies once: what a source shows when it first
 * answers in full is its baseline (so a source that was failing and comes back does not fire a burst), keys
 * already notified (in any tab) are kept in localStorage, and the notification `tag` lets the browser fold
 * duplicates. Returns the count for the navigation's badges (PendingCountContext).
 */
export function useApprovalsAttention() {
  const navigate = useNavigate();
  const many = useSources().length > 1;
  const { approvals, failures, sources, complete } = usePendingApprovals({ held: useCountHeld() });
  const count = approvals.length;
  const seen = useRef(new Map<string, Set<string>>());

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
    const fresh: { key: string; title: string; body: string; href: string }[] = [];
    for (const { source, complete } of sources) {
      if (!complete) continue;
      const where = many ? ` (${source.label})` : "";
      const events = [
        ...approvals
          .filter((a) => a.source === source)
          .map(({ key, approval: a }) => ({
            key: `approval:${key}`,
            title: `Approval waiting: ${a.pipelineName}${where}`,
            body: `${a.stageName} › ${a.actionName} is waiting for a decision.`,
            href: paths.approval.href(source, a.pipelineName, a.stageName, a.actionName),
          })),
        ...failures
          .filter((f) => f.source === source)
          .map(({ key, failure: f }) => ({
            key: `failure:${key}`,
            title: `Pipeline failed: ${f.pipelineName}${where}`,
            body: `${f.stageName}${f.actionName ? ` › ${f.actionName}` : ""} failed${f.message ? `: ${f.message}` : "."}`,
            href: paths.pipeline.href(source, f.pipelineName),
          })),
      ];
      const result = newEvents(seen.current.get(source.id), events);
      seen.current.set(source.id, result.seen);
      if (notificationsEnabled(source.id)) fresh.push(...result.fresh);
    }
    if (fresh.length === 0) return;
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
  }, [approvals, failures, sources, many, navigate]);

  return useMemo(() => ({ count, complete }), [count, complete]);
}
