//! The diagram of the directory on `/directory`: the engine's
//! `DirectoryMap` drawn as inline SVG. Each tenant is a box (its name, a
//! state chip, its domains, administrators, users, subscriptions and RMS
//! tenant keys); a box the newest action changed or created has a thick
//! outline and a "Changed" or "New" label; an external takeover is an arrow
//! from the old tenant's box to the new one, labelled with what moved.
//!
//! The layout is computed for the width the diagram has (measured, and again
//! when the window is resized), so the SVG is drawn at its natural size: the
//! text keeps its size in pixels, boxes sit side by side on a wide screen
//! and stack in one column on a phone. Only coordinates are made here; what
//! the boxes say comes from the engine.

use crate::sim::map::{DirectoryMap, Facet, Mark, Move, TenantBox};
use leptos::html;
use leptos::prelude::*;

// Sizes in CSS pixels (the SVG is drawn 1:1).
const MARGIN: f64 = 16.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 20.0;
/// The gap above each row when an arrow runs through it (room for its label).
const LANE: f64 = 64.0;
const MIN_BOX: f64 = 280.0;
const MAX_BOX: f64 = 400.0;
const MAX_COLUMNS: usize = 3;
const PAD: f64 = 14.0;
const NAME_SIZE: f64 = 17.0;
const TEXT_SIZE: f64 = 14.0;
const LABEL_SIZE: f64 = 12.0;
const LINE: f64 = 20.0;
const CHIP_H: f64 = 24.0;
/// Facet labels sit in a column of this width when the box is wide enough.
const LABEL_COLUMN: f64 = 112.0;

/// The diagram, with the last change's sentence as its caption.
#[component]
pub fn DirectoryDiagram(#[prop(into)] map: Signal<DirectoryMap>) -> impl IntoView {
    let canvas = NodeRef::<html::Div>::new();
    // A first guess from the window, then the canvas's own width.
    let width = RwSignal::new(initial_width());
    let measure = move || {
        if let Some(el) = canvas.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if canvas.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());

    view! {
        <figure class="dir-map">
            <figcaption>
                <p class="last-change" id="dir-map-change">{move || map.with(|m| m.change.summary.clone())}</p>
            </figcaption>
            <div class="dir-map-canvas" node_ref=canvas>
                {move || map.with(|m| diagram(m, width.get()))}
            </div>
        </figure>
    }
}

fn initial_width() -> f64 {
    let inner = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1280.0);
    // The page's side padding, roughly; the measurement corrects it.
    (inner - 48.0).clamp(240.0, 1216.0)
}

/// The SVG for `map` laid out in `width` pixels.
fn diagram(map: &DirectoryMap, width: f64) -> AnyView {
    let layout = Layout::new(map, width);
    let n = map.tenants.len();
    let title = format!("Diagram of the directory: {n} tenant{}", if n == 1 { "" } else { "s" });
    let desc = describe(map);
    let view_box = format!("0 0 {} {}", px(layout.width), px(layout.height));
    view! {
        <svg
            role="img"
            aria-labelledby="dir-map-title"
            aria-describedby="dir-map-desc dir-map-change"
            viewBox=view_box
            width=px(layout.width)
            height=px(layout.height)
        >
            <title id="dir-map-title">{title}</title>
            <desc id="dir-map-desc">{desc}</desc>
            <defs>
                <marker id="dir-map-arrowhead" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
                    <path class="arrowhead" d="M0,0 L10,5 L0,10 z" />
                </marker>
            </defs>
            {layout.boxes.into_iter().map(draw_box).collect_view()}
            {layout.arrows.into_iter().map(draw_arrow).collect_view()}
        </svg>
    }
    .into_any()
}

/// The same information as words, for the SVG's description.
fn describe(map: &DirectoryMap) -> String {
    map.tenants
        .iter()
        .map(|t| {
            let mut parts = vec![
                format!("{}: {}", t.heading(), if t.is_managed() { "managed" } else { "unmanaged" }),
                if t.admins.is_empty() {
                    "no administrator".into()
                } else {
                    format!("administrators {}", t.admins.join(", "))
                },
                users_text(t),
            ];
            parts.extend(t.subscriptions.iter().map(|s| format!("{} {} of {} units", s.sku, s.consumed, s.active)));
            if t.mark != Mark::Unchanged {
                parts.push(t.mark.label().to_lowercase());
            }
            parts.join(", ")
        })
        .chain(map.change.moves.iter().map(|m| format!("Moved: {}", m.label())))
        .collect::<Vec<_>>()
        .join(". ")
}

fn users_text(t: &TenantBox) -> String {
    match t.user_count {
        0 => "no users".into(),
        1 => "1 user".into(),
        n => format!("{n} users"),
    }
}

fn px(v: f64) -> String {
    format!("{}", v.round() as i64)
}

// ───────────────────────────── layout ─────────────────────────────

struct Text {
    x: f64,
    y: f64,
    text: String,
    class: &'static str,
    /// `end` for right-aligned text.
    anchor: &'static str,
}

struct Chip {
    x: f64,
    y: f64,
    w: f64,
    text: &'static str,
    class: &'static str,
}

struct BoxLayout {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    heading: String,
    mark: Mark,
    texts: Vec<Text>,
    chips: Vec<Chip>,
    /// Bars beside the facets the last action changed: (y, height).
    bars: Vec<(f64, f64)>,
}

struct ArrowLayout {
    path: String,
    start: (f64, f64),
    label: Vec<String>,
    label_x: f64,
    label_y: f64,
    label_w: f64,
}

struct Layout {
    width: f64,
    height: f64,
    boxes: Vec<BoxLayout>,
    arrows: Vec<ArrowLayout>,
}

impl Layout {
    fn new(map: &DirectoryMap, avail: f64) -> Layout {
        let n = map.tenants.len().max(1);
        let usable = (avail - 2.0 * MARGIN).max(MIN_BOX.min(avail));
        let fit = ((usable + GAP_X) / (MIN_BOX + GAP_X)).floor() as usize;
        let columns = fit.clamp(1, MAX_COLUMNS.min(n));
        let box_w = ((usable - GAP_X * (columns - 1) as f64) / columns as f64).min(MAX_BOX).floor();
        let gap_y = if map.change.moves.is_empty() { GAP_Y } else { LANE };
        let top = if map.change.moves.is_empty() { MARGIN / 2.0 } else { LANE };

        let mut boxes: Vec<BoxLayout> = map.tenants.iter().map(|t| layout_box(t, box_w)).collect();
        // Rows: each as tall as its tallest box.
        let mut row_tops = vec![];
        let mut y = top;
        for row in boxes.chunks_mut(columns) {
            let h = row.iter().map(|b| b.h).fold(0.0, f64::max);
            for (c, b) in row.iter_mut().enumerate() {
                b.x = MARGIN + c as f64 * (box_w + GAP_X);
                b.y = y;
                b.h = h;
            }
            row_tops.push(y);
            y += h + gap_y;
        }
        let height = y - gap_y + MARGIN / 2.0;
        let grid = Grid { columns, box_w, row_tops };
        let width = grid.width();
        let arrows = map
            .change
            .moves
            .iter()
            .filter_map(|m| {
                let from = map.tenants.iter().position(|t| t.id == m.from)?;
                let to = map.tenants.iter().position(|t| t.id == m.to)?;
                Some(grid.arrow(from, to, m))
            })
            .collect();
        Layout { width, height, boxes, arrows }
    }
}

struct Grid {
    columns: usize,
    box_w: f64,
    row_tops: Vec<f64>,
}

impl Grid {
    fn center_x(&self, i: usize) -> f64 {
        MARGIN + (i % self.columns) as f64 * (self.box_w + GAP_X) + self.box_w / 2.0
    }
    /// The middle of the lane above row `r`.
    fn lane_y(&self, r: usize) -> f64 {
        self.row_tops[r] - LANE / 2.0
    }
    /// The x of the channel left of column `c` (c = columns: right of the last).
    fn channel_x(&self, c: usize) -> f64 {
        match c {
            0 => MARGIN / 2.0,
            c if c >= self.columns => self.width() - MARGIN / 2.0,
            c => MARGIN + c as f64 * (self.box_w + GAP_X) - GAP_X / 2.0,
        }
    }
    fn width(&self) -> f64 {
        MARGIN * 2.0 + self.columns as f64 * self.box_w + (self.columns - 1) as f64 * GAP_X
    }

    /// An arrow from the top of box `from` to the top of box `to`, through
    /// the lanes above their rows and, between rows, a channel between
    /// columns: it never crosses a box. Its label sits in the target's lane.
    fn arrow(&self, from: usize, to: usize, m: &Move) -> ArrowLayout {
        let (rs, rd) = (from / self.columns, to / self.columns);
        let (xs, xd) = (self.center_x(from), self.center_x(to));
        let (ys, yd) = (self.row_tops[rs], self.row_tops[rd]);
        // Start and end a little apart from the centre, so two arrows of one box don't meet.
        let (xs, xd) = (xs - 12.0, xd + 12.0);
        let (path, seg_from) = if rs == rd {
            (format!("M{},{} V{} H{} V{}", px(xs), px(ys), px(self.lane_y(rs)), px(xd), px(yd - 2.0)), xs)
        } else {
            // The channel nearest the target's column, on the source's side.
            let (cs, cd) = (from % self.columns, to % self.columns);
            let c = if cd >= cs { cd } else { cd + 1 };
            let gx = self.channel_x(c);
            (
                format!(
                    "M{},{} V{} H{} V{} H{} V{}",
                    px(xs),
                    px(ys),
                    px(self.lane_y(rs)),
                    px(gx),
                    px(self.lane_y(rd)),
                    px(xd),
                    px(yd - 2.0)
                ),
                gx,
            )
        };
        let label = vec![m.label(), m.key_note().to_string()];
        let label_w = label.iter().map(|l| text_width(l, LABEL_SIZE, true)).fold(0.0, f64::max) + 16.0;
        let total_w = self.width();
        let label_x =
            ((seg_from + xd) / 2.0).clamp(label_w / 2.0 + 2.0, (total_w - label_w / 2.0 - 2.0).max(label_w / 2.0));
        ArrowLayout { path, start: (xs, ys), label, label_x, label_y: self.lane_y(rd), label_w }
    }
}

/// The lines of one box, from its top; its height.
fn layout_box(t: &TenantBox, w: f64) -> BoxLayout {
    let inner = w - 2.0 * PAD;
    let mut texts = vec![];
    let mut chips = vec![];
    let mut bars = vec![];
    let mut y = PAD;

    // The name, with the "New" / "Changed" label at the right.
    let mark_w = if t.mark == Mark::Unchanged { 0.0 } else { chip_width(t.mark.label()) + 8.0 };
    if t.mark != Mark::Unchanged {
        chips.push(Chip { x: w - PAD - mark_w + 8.0, y, w: mark_w - 8.0, text: t.mark.label(), class: "mark" });
    }
    texts.push(Text {
        x: PAD,
        y: y + NAME_SIZE,
        text: fit(&t.name, inner - mark_w, NAME_SIZE, true),
        class: "name",
        anchor: "start",
    });
    y += CHIP_H.max(NAME_SIZE + 6.0) + 6.0;

    // The state chips.
    let state = if t.is_managed() { ("Managed", "state-chip ok") } else { ("Unmanaged", "state-chip warn") };
    let mut x = PAD;
    for (text, class) in std::iter::once(state).chain(t.deletion_at.map(|_| ("Pending deletion", "state-chip err"))) {
        let cw = chip_width(text);
        chips.push(Chip { x, y, w: cw, text, class });
        x += cw + 8.0;
    }
    y += CHIP_H + 10.0;
    if let Some(at) = t.deletion_at {
        let one = format!("Deleted at {at}");
        let lines = if text_width(&one, TEXT_SIZE, false) <= inner {
            vec![one]
        } else {
            vec!["Deleted at".into(), at.to_string()]
        };
        for line in lines {
            texts.push(Text {
                x: PAD,
                y: y + TEXT_SIZE - 4.0,
                text: fit(&line, inner, TEXT_SIZE, false),
                class: "note",
                anchor: "start",
            });
            y += LINE;
        }
        y += 2.0;
    }

    // The facets: a label and its lines, beside the label when they fit
    // there, else below it at the box's full width.
    let two_columns = inner >= LABEL_COLUMN + 200.0;
    for (facet, label, lines) in facets(t) {
        let changed = t.changed.contains(&facet) && t.mark == Mark::Changed;
        let indent = |class: &str| if class.ends_with("sub") { 12.0 } else { 0.0 };
        let beside = two_columns
            && lines
                .iter()
                .all(|(text, class)| text_width(text, TEXT_SIZE, true) + indent(class) <= inner - LABEL_COLUMN);
        let value_x = if beside { PAD + LABEL_COLUMN } else { PAD };
        let value_w = inner - (value_x - PAD);
        let start = y;
        texts.push(Text { x: PAD, y: y + LABEL_SIZE + 2.0, text: label.into(), class: "facet", anchor: "start" });
        if !beside {
            y += LABEL_SIZE + 6.0;
        }
        for (text, class) in lines {
            // Names under a count, units under a SKU: indented. Fitted as
            // bold: a changed facet's lines are drawn bold.
            let indent = indent(class);
            texts.push(Text {
                x: value_x + indent,
                y: y + TEXT_SIZE + 1.0,
                text: fit(&text, value_w - indent, TEXT_SIZE, true),
                class: if changed && class == "value" { "value changed" } else { class },
                anchor: "start",
            });
            y += LINE;
        }
        y += 6.0;
        if changed {
            bars.push((start, y - start - 6.0));
        }
    }
    BoxLayout { x: 0.0, y: 0.0, w, h: y + PAD - 6.0, heading: t.heading(), mark: t.mark, texts, chips, bars }
}

/// A line of a facet: its text and its class.
type FacetLine = (String, &'static str);

/// Each facet of a box: its label and its lines of text.
fn facets(t: &TenantBox) -> Vec<(Facet, &'static str, Vec<FacetLine>)> {
    let value = |s: &str| (s.to_string(), "value");
    let muted = |s: &str| (s.to_string(), "value none");
    let mut domains: Vec<FacetLine> = t.domains.iter().map(|d| value(d)).collect();
    domains.extend(t.unverified.iter().map(|d| muted(&format!("{d} (unverified)"))));
    let admins =
        if t.admins.is_empty() { vec![muted("No administrator")] } else { t.admins.iter().map(|a| value(a)).collect() };
    let mut users = vec![(users_text(t), if t.user_count == 0 { "value none" } else { "value" })];
    users.extend(t.user_names.iter().map(|u| (u.clone(), "value sub")));
    let subs = if t.subscriptions.is_empty() {
        vec![muted("None")]
    } else {
        t.subscriptions
            .iter()
            .flat_map(|s| [value(&s.sku), (format!("{} of {} units used", s.consumed, s.active), "value sub")])
            .collect()
    };
    let keys = match t.keys.len() {
        0 => vec![muted("No tenant key")],
        _ => t.keys.iter().map(|k| value(&format!("Key of {k}"))).collect(),
    };
    vec![
        (Facet::Domains, "Domains", domains),
        (Facet::Admins, "Global admins", admins),
        (Facet::Users, "Users", users),
        (Facet::Subscriptions, "Subscriptions", subs),
        (Facet::Keys, "RMS keys", keys),
    ]
}

fn chip_width(text: &str) -> f64 {
    text_width(text, LABEL_SIZE, true) + 20.0
}

/// The width of `text` at `size` pixels, estimated generously (DejaVu Sans,
/// the widest of the fonts the page may get), so fitted text never overflows.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | ' ' | 'I' => 0.32,
            'f' | 't' | 'r' | '(' | ')' | '-' => 0.42,
            'm' | 'M' | 'W' => 1.0,
            'w' => 0.84,
            '@' => 1.02,
            'A'..='Z' | '_' => 0.74,
            _ => 0.64,
        })
        .sum();
    em * size * if bold { 1.1 } else { 1.0 }
}

/// `text`, cut with an ellipsis to fit `max` pixels.
fn fit(text: &str, max: f64, size: f64, bold: bool) -> String {
    if text_width(text, size, bold) <= max {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && text_width(&format!("{out}…"), size, bold) > max {
        out.pop();
    }
    format!("{}…", out.trim_end())
}

// ───────────────────────────── drawing ─────────────────────────────

fn draw_box(b: BoxLayout) -> impl IntoView {
    let frame = match b.mark {
        Mark::Unchanged => "frame",
        Mark::Changed => "frame changed",
        Mark::New => "frame new",
    };
    let mark = match b.mark {
        Mark::Unchanged => "unchanged",
        Mark::Changed => "changed",
        Mark::New => "new",
    };
    // A nested svg clips whatever would cross the box's edge.
    view! {
        <svg class="tenant-box" data-tenant=b.heading data-mark=mark x=px(b.x) y=px(b.y) width=px(b.w) height=px(b.h)>
            <rect class=frame x="2" y="2" width=px(b.w - 4.0) height=px(b.h - 4.0) rx="10" />
            {b.bars.into_iter().map(|(y, h)| view! {
                <rect class="changed-bar" x="5" y=px(y) width="4" height=px(h) rx="2" />
            }).collect_view()}
            {b.chips.into_iter().map(|c| view! {
                <g class=c.class>
                    <rect x=px(c.x) y=px(c.y) width=px(c.w) height=px(CHIP_H) rx="12" />
                    <text x=px(c.x + c.w / 2.0) y=px(c.y + CHIP_H / 2.0 + LABEL_SIZE * 0.36) text-anchor="middle">{c.text}</text>
                </g>
            }).collect_view()}
            {b.texts.into_iter().map(|t| view! {
                <text class=t.class x=px(t.x) y=px(t.y) text-anchor=t.anchor>{t.text}</text>
            }).collect_view()}
        </svg>
    }
}

fn draw_arrow(a: ArrowLayout) -> impl IntoView {
    let h = a.label.len() as f64 * 16.0 + 8.0;
    let (lx, ly) = (a.label_x - a.label_w / 2.0, a.label_y - h / 2.0);
    view! {
        <g class="move">
            <circle class="move-start" cx=px(a.start.0) cy=px(a.start.1) r="5" />
            <path class="move-line" d=a.path marker-end="url(#dir-map-arrowhead)" />
            <rect class="move-label" x=px(lx) y=px(ly) width=px(a.label_w) height=px(h) rx="6" />
            {a.label.into_iter().enumerate().map(|(i, l)| view! {
                <text class=if i == 0 { "move-text" } else { "move-text sub" } x=px(a.label_x) y=px(ly + 17.0 + i as f64 * 16.0) text-anchor="middle">{l}</text>
            }).collect_view()}
        </g>
    }
}
