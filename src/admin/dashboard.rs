//! What Rekey saved the helpdesk, per day for 30 days, as a server-rendered SVG chart.

use chrono::{DateTime, Utc};

use crate::{ports::store::DayCount, settings::AdminSettings, web::render::escape};

pub fn render(
    days: &[DayCount],
    s: &AdminSettings,
    now: DateTime<Utc>,
    signins: Option<&serde_json::Value>,
) -> String {
    let signins_panel = match signins {
        Some(r) => format!(
            "<h2>Sign-in failures (AADSTS50126)</h2><p>Latest report, {}: {} users with a stale saved \
             password on a device, {} from spraying addresses, {} typing mistakes, {} unclear, over {} sign-ins. \
             Run <code>rekey signins report</code> for the list.</p>",
            escape(r["at"].as_str().unwrap_or("")),
            r["stale_device"].as_u64().unwrap_or(0),
            r["spray"].as_u64().unwrap_or(0),
            r["typo"].as_u64().unwrap_or(0),
            r["unclear"].as_u64().unwrap_or(0),
            r["events"].as_u64().unwrap_or(0),
        ),
        None => "<h2>Sign-in failures (AADSTS50126)</h2><p>No report yet: run <code>rekey signins report</code> \
                 (needs Entra ID P1).</p>"
            .to_string(),
    };
    let today = now.timestamp().div_euclid(86_400);
    let series: Vec<DayCount> = (today - 29..=today)
        .map(|d| {
            days.iter()
                .find(|c| c.day == d)
                .copied()
                .unwrap_or(DayCount {
                    day: d,
                    ..Default::default()
                })
        })
        .collect();
    let resets: u64 = series.iter().map(|d| d.resets).sum();
    let reminders: u64 = series.iter().map(|d| d.reminders).sum();
    let saved = resets as f64 * s.cost_per_ticket;
    let max = series
        .iter()
        .map(|d| d.resets.max(d.reminders))
        .max()
        .unwrap_or(0)
        .max(1);
    let (w, h, bar) = (600.0, 200.0, 20.0_f64);
    let mut bars = String::new();
    for (i, d) in series.iter().enumerate() {
        let x = i as f64 * bar;
        let rh = d.resets as f64 / max as f64 * (h - 20.0);
        let mh = d.reminders as f64 / max as f64 * (h - 20.0);
        let date = DateTime::from_timestamp(d.day * 86_400, 0)
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        bars.push_str(&format!(
            "<g><title>{date}: {} resets, {} reminders</title>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"{rh:.1}\" fill=\"#0b5cad\"/>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"8\" height=\"{mh:.1}\" fill=\"#8a8886\"/></g>",
            d.resets,
            d.reminders,
            x + 1.0,
            h - rh,
            x + 10.0,
            h - mh,
        ));
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rekey dashboard</title></head>\
<body><h1>Rekey: the last 30 days</h1>\
<ul><li><strong>{resets}</strong> passwords reset without a call</li>\
<li><strong>{reminders}</strong> expiry reminders sent</li>\
<li><strong>{saved:.0} {currency}</strong> of helpdesk tickets avoided ({resets} × {cost:.2} {currency})</li></ul>\
<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
aria-label=\"Resets (blue) and reminders (grey) per day\">{bars}</svg>\
<p>Blue: resets completed. Grey: reminders sent. Metrics for Prometheus: <a href=\"/metrics\">/metrics</a>.</p>\
{signins_panel}</body></html>",
        currency = escape(&s.currency),
        cost = s.cost_per_ticket,
    )
}
