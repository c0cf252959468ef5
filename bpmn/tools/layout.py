#!/usr/bin/env python3
"""The machinery of diagrams.py, which lays out the process diagrams by hand on a grid (a development tool, not part
of the build).

Each process has a placement there: the pool and its lanes (which flow nodes each organisation works), every shape
by its centre, every sequence flow as the sides it leaves and enters by plus the corners it turns at. The tool
writes the collaboration, the lane set and the bpmndi sections of the file and touches nothing else, so it can be
run again after an edit to the process.
LayoutTest checks the result (shapes, edges, overlaps, lanes, size); bpmn/README.md states the conventions.
"""

import math
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PROCESSES = Path(__file__).resolve().parent.parent / "src/main/resources/processes"
BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
TASK, EVENT, GATEWAY = (100, 80), (36, 36), (50, 50)
POOL_HEADER = LANE_HEADER = 30
TASK_FONT, TASK_LINE = 12, 14.4  # bpmn-js: a task's name in 12px Arial, 14.4px lines, 7px padding
LABEL_LINE, LABEL_MAX = 14, 90  # bpmn-js: external labels in 11px Arial, wrapped at 90px (see text_box)
# Cockpit's diagram canvas on a 1440x900 screen (measured, the definition sidebar open): what the tool reports.
CANVAS = (1102, 426)


class Model:
    """The flow nodes and sequence flows of one process file, as the tool needs them."""

    def __init__(self, path):
        self.path = path
        root = ET.parse(path).getroot()
        self.process = root.find(BPMN + "process")
        self.kind, self.name, self.parent, self.flows = {}, {}, {}, {}
        self.hosts = {el.get("attachedToRef") for el in self.process.iter(BPMN + "boundaryEvent")}
        self._walk(self.process, None)

    def _walk(self, scope, parent):
        for el in scope:
            tag = el.tag.replace(BPMN, "")
            if tag == "sequenceFlow":
                self.flows[el.get("id")] = (el.get("sourceRef"), el.get("targetRef"), el.get("name"))
            elif tag.endswith(("Task", "Event", "Gateway")) or tag in ("task", "callActivity", "subProcess"):
                self.kind[el.get("id")] = tag
                self.name[el.get("id")] = el.get("name")
                self.parent[el.get("id")] = parent
                if tag == "subProcess":
                    self._walk(el, el.get("id"))


class Layout:
    """Shapes and edges of one file, placed by centre on whichever plane is current."""

    def __init__(self, file, pool=None, compact=False):
        self.file = PROCESSES / file
        self.compact = compact  # tasks that carry no boundary event 60 px tall instead of 80
        self.model = Model(self.file)
        self.pool = pool  # (participant id, name, collaboration id)
        self.lanes = []  # (id, name, y, height, [node ids])
        self.planes = [self.model.process.get("id")]
        self.plane = self.planes[0]
        self.shapes, self.edges, self.labels = {}, {}, {}
        self.collapsed = set()

    # --- shapes ---------------------------------------------------------------------------------------------------
    def size(self, node, width=TASK[0]):
        kind = self.model.kind[node]
        if kind.endswith("Event"):
            return EVENT
        if kind.endswith("Gateway"):
            return GATEWAY
        lines = len(wrap(self.model.name.get(node) or "", width - 14, TASK_FONT))
        if node in self.model.hosts:  # the name clear of boundary events on the bottom edge (18 px in)
            least = 60 if self.compact else TASK[1]
            least = max(least, math.ceil((lines * TASK_LINE + 2 * 18 + 4) / 10) * 10)
            return width, icon_clear(kind, self.model.name.get(node), width, least)
        if self.compact and lines <= 2:  # a third line would run into the task's marker at the top left
            return width, icon_clear(kind, self.model.name.get(node), width, 60)
        return width, icon_clear(kind, self.model.name.get(node), width, TASK[1])

    def at(self, node, cx, cy, w=None, h=None, label=None):
        dw, dh = self.size(node, w or TASK[0])
        w, h = w or dw, icon_clear(self.model.kind[node], self.model.name.get(node), w or dw, h) if h else dh
        self.shapes[node] = dict(x=cx - w / 2, y=cy - h / 2, w=w, h=h, plane=self.plane)
        if self.model.name.get(node) and self.model.kind[node].endswith(("Event", "Gateway")):
            self.label(node, label or "B")
        return self

    def box(self, node, x, y, w, h, expanded=True):
        self.shapes[node] = dict(x=x, y=y, w=w, h=h, plane=self.plane, expanded=expanded)
        if not expanded:
            self.collapsed.add(node)
        return self

    def boundary(self, node, host, side="B", offset=0, label=None):
        """A boundary event on its host's side, its centre `offset` from the side's middle."""
        s = self.shapes[host]
        cx = {"B": s["x"] + s["w"] / 2 + offset, "T": s["x"] + s["w"] / 2 + offset,
              "L": s["x"], "R": s["x"] + s["w"]}[side]
        cy = {"B": s["y"] + s["h"], "T": s["y"], "L": s["y"] + s["h"] / 2 + offset,
              "R": s["y"] + s["h"] / 2 + offset}[side]
        return self.at(node, cx, cy, label=label)

    def label(self, node, where):
        """An external label beside an event or gateway: B(elow), T(op), L(eft), R(ight), below and left or
        right of a boundary event on a bottom edge (BL, BR), or (cx, top)."""
        s = self.shapes[node]
        w, h = text_box(self.model.name[node])
        cx, cy = s["x"] + s["w"] / 2, s["y"] + s["h"] / 2
        if isinstance(where, tuple):
            x, y = where[0] - w / 2, where[1]
        elif where == "B":
            x, y = cx - w / 2, s["y"] + s["h"] + 4
        elif where == "T":
            x, y = cx - w / 2, s["y"] - h - 4
        elif where in ("BL", "BR"):  # below the host's edge the (boundary) event sits on, beside the event
            x, y = (s["x"] - w - 2 if where == "BL" else s["x"] + s["w"] + 2), cy + 4
        elif where == "L":
            x, y = s["x"] - w - 6, cy - h / 2
        else:
            x, y = s["x"] + s["w"] + 6, cy - h / 2
        self.labels[node] = (x, y, w, h)

    # --- edges ----------------------------------------------------------------------------------------------------
    def port(self, node, side):
        """A point on a shape's border: a side letter, optionally shifted along the side (e.g. "B+20")."""
        s = self.shapes[node]
        m = re.fullmatch(r"([LRTB])([+-]\d+)?", side)
        letter, shift = m.group(1), int(m.group(2) or 0)
        cx, cy = s["x"] + s["w"] / 2, s["y"] + s["h"] / 2
        return {"L": (s["x"], cy + shift), "R": (s["x"] + s["w"], cy + shift),
                "T": (cx + shift, s["y"]), "B": (cx + shift, s["y"] + s["h"])}[letter]

    def flow(self, flow, leave="R", enter="L", via=(), label=None):
        source, target, name = self.model.flows[flow]
        points = [self.port(source, leave)] + list(via) + [self.port(target, enter)]
        self.edges[flow] = dict(points=orthogonal(points, leave[0] in "LR", enter[0] in "LR"), plane=self.plane)
        if name:
            w, h = text_box(name)
            if label is None:  # above the edge's first straight run, clear of the source's border
                (x1, y1), (x2, y2) = self.edges[flow]["points"][:2]
                if y1 == y2:
                    label = ((x1 + x2) / 2, y1 - h - 3)
                else:
                    label = (x1 + w / 2 + 6, (y1 + y2) / 2 - h / 2)
            self.labels[flow] = (label[0] - w / 2, label[1], w, h)
        return self

    # --- output ---------------------------------------------------------------------------------------------------
    def write(self):
        text = self.file.read_text()
        text = re.sub(r"  <bpmn:collaboration .*?</bpmn:collaboration>\n", "", text, flags=re.S)
        text = re.sub(r"    <bpmn:laneSet .*?</bpmn:laneSet>\n", "", text, flags=re.S)
        text = re.sub(r"  <bpmndi:BPMNDiagram .*?</bpmndi:BPMNDiagram>\n", "", text, flags=re.S)
        process_id = self.model.process.get("id")
        if self.pool:
            participant, name, collaboration = self.pool
            text = text.replace(
                "  <bpmn:process ",
                f'  <bpmn:collaboration id="{collaboration}">\n'
                f'    <bpmn:participant id="{participant}" name="{name}" processRef="{process_id}" />\n'
                "  </bpmn:collaboration>\n  <bpmn:process ", 1)
            start = re.search(r"  <bpmn:process [^>]*>\n", text).end()
            text = text[:start] + self.lane_set() + text[start:]
        text = re.sub(r"\n+</bpmn:definitions>", "\n</bpmn:definitions>", text)
        text = text.replace("</bpmn:definitions>", self.diagrams() + "</bpmn:definitions>")
        self.file.write_text(text)

    def lane_set(self):
        lines = [f'    <bpmn:laneSet id="{self.model.process.get("id")}Lanes">']
        for lane, name, _, _, nodes in self.lane_refs():
            lines.append(f'      <bpmn:lane id="{lane}" name="{name}">')
            lines += [f"        <bpmn:flowNodeRef>{n}</bpmn:flowNodeRef>" for n in nodes]
            lines.append("      </bpmn:lane>")
        lines.append("    </bpmn:laneSet>\n")
        return "\n".join(lines)

    def diagrams(self):
        out = []
        for plane in self.planes:
            element = self.pool[2] if self.pool and plane == self.planes[0] else plane
            out.append(f'  <bpmndi:BPMNDiagram id="{plane}_diagram">')
            out.append(f'    <bpmndi:BPMNPlane id="{plane}_plane" bpmnElement="{element}">')
            if self.pool and plane == self.planes[0]:
                x, y, w, h = self.pool_bounds()
                out.append(shape(self.pool[0], x, y, w, h, ' isHorizontal="true"'))
                for lane, _, ly, lh, _ in self.lanes:
                    out.append(shape(lane, x + POOL_HEADER, ly, w - POOL_HEADER, lh, ' isHorizontal="true"'))
            for node, s in self.shapes.items():
                if s["plane"] != plane:
                    continue
                extra = ""
                if "expanded" in s:
                    extra = f' isExpanded="{str(s["expanded"]).lower()}"'
                out.append(shape(node, s["x"], s["y"], s["w"], s["h"], extra, self.labels.get(node)))
            for flow, e in self.edges.items():
                if e["plane"] == plane:
                    out.append(edge(flow, e["points"], self.labels.get(flow)))
            out.append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>")
        return "\n".join(out) + "\n"

    def pool_bounds(self):
        top = self.lanes[0][2]
        bottom = self.lanes[-1][2] + self.lanes[-1][3]
        right = max(s["x"] + s["w"] for s in self.shapes.values() if s["plane"] == self.planes[0])
        right = max([right] + [lx + lw for key, (lx, _, lw, _) in self.labels.items()
                               if (self.shapes.get(key) or self.edges.get(key))["plane"] == self.planes[0]]
                    + [x for e in self.edges.values() if e["plane"] == self.planes[0] for x, _ in e["points"]]) + 8
        return 0, top, right, bottom - top

    def report(self):
        for plane in self.planes:
            boxes = [(s["x"], s["y"], s["x"] + s["w"], s["y"] + s["h"]) for s in self.shapes.values()
                     if s["plane"] == plane]
            boxes += [(x, y, x + w, y + h) for key, (x, y, w, h) in self.labels.items()
                      if (self.shapes.get(key) or self.edges.get(key))["plane"] == plane]
            for e in self.edges.values():
                if e["plane"] == plane:
                    boxes += [(x, y, x, y) for x, y in e["points"]]
            if self.pool and plane == self.planes[0]:
                x, y, w, h = self.pool_bounds()
                boxes.append((x, y, x + w, y + h))
            width = max(b[2] for b in boxes) - min(b[0] for b in boxes)
            height = max(b[3] for b in boxes) - min(b[1] for b in boxes)
            scale = min(1, CANVAS[0] / (width + 12), CANVAS[1] / (height + 12))  # bpmn-js draws a little beyond
            print(f"{self.file.name} {plane}: {width:.0f} x {height:.0f}, Cockpit fits it at {scale:.2f}")

    def lane(self, lane, name, y, height, nodes):
        """A lane: the organisation that works `nodes`, and their boundary events unless another lane names
        them (a sub-process drawn across lanes has its boundary events in the lane they are drawn in)."""
        self.lanes.append((lane, name, y, height, list(nodes)))
        return self

    def lane_refs(self):
        named = {n for lane in self.lanes for n in lane[4]}
        refs = []
        for lane, name, y, height, nodes in self.lanes:
            boundaries = [b for b, k in self.model.kind.items()
                          if k == "boundaryEvent" and self.attached(b) in nodes and b not in named]
            refs.append((lane, name, y, height, nodes + boundaries))
        return refs

    def attached(self, boundary):
        for el in self.model.process.iter(BPMN + "boundaryEvent"):
            if el.get("id") == boundary:
                return el.get("attachedToRef")
        return None

    def on(self, plane):
        """Places what follows on the drill-down plane of a collapsed sub-process."""
        if plane not in self.planes:
            self.planes.append(plane)
        self.plane = plane
        return self

    def check_complete(self):
        missing = [n for n in self.model.kind if n not in self.shapes]
        missing += [f for f in self.model.flows if f not in self.edges]
        if self.pool:
            laned = [n for lane in self.lane_refs() for n in lane[4]]
            missing += [f"lane of {n}" for n in self.model.kind if n not in laned]
            missing += [f"twice in lanes: {n}" for n in set(laned) if laned.count(n) > 1]
        if missing:
            sys.exit(f"{self.file.name}: not placed: {', '.join(missing)}")


ICON_TASKS = ("serviceTask", "userTask", "sendTask", "receiveTask", "businessRuleTask", "scriptTask", "manualTask")
ICON = (5, 5, 20, 20)  # the type icon at a task's top left (left, top, right, bottom): 15 px, 5 px in, as in LayoutTest


def icon_clear(kind, name, width, height):
    """The least height from `height` up, in steps of 10, at which no line of the task's name touches its type
    icon (LayoutTest.taskNamesStartBelowTheirTypeIcon, both ways the name may wrap)."""
    if kind not in ICON_TASKS or not name:
        return height
    while True:
        clear = True
        for scale in (1.03, 0.95):
            widths = task_lines(name, width - 14, scale)
            top = height / 2 - len(widths) * TASK_LINE / 2
            for i, w in enumerate(widths):
                y0, x0 = top + i * TASK_LINE, width / 2 - w / 2
                left, upper, right, lower = ICON
                if y0 < lower and y0 + TASK_LINE > upper and x0 < right and x0 + w > left:
                    clear = False
        if clear:
            return height
        height += 10


def task_lines(name, max_width, scale):
    """The widths of a task name's lines as diagram-js wraps them (Text.layoutText: a line too wide is cut to the
    share of its characters that fits, back to a space or hyphen), as LayoutTest's EmbeddedLabel has them."""
    widths, lines = [], [name.strip()]
    while lines:
        original = fit = lines.pop(0)
        while True:
            w = len_px(fit.strip(), TASK_FONT) / 1.03 * scale
            if not fit.strip() or w < round(max_width) or len(fit) < 2:
                break
            length = max(len(fit) * (max_width / w), 1)
            parts, kept, used = re.split(r"(\s|-|\u00AD)", fit), [], 0
            if len(parts) > 1:
                for part in parts:
                    if not part:
                        break
                    if len(part) + used < length:
                        kept.append(part)
                        used += len(part)
                    else:
                        if part in ("-", "\u00AD") and kept:
                            kept.pop()
                        break
            fit = "".join(kept) or fit[:max(int(math.floor(length - 1 + 0.5)), 1)]
        widths.append(min(w, max_width))
        if len(fit) < len(original):
            lines.insert(0, original[len(fit):].strip())
    return widths


def text_box(text):
    """The room an external label needs: bpmn-js draws it in 11px Arial, wrapped at about 90px and centred on the
    label bounds. Measured glyph by glyph its width is only an estimate, so the box is as wide as the text could
    be on one line and as tall as it could be when wrapped: a label placed beside or above a shape clears it either
    way."""
    widest = max(len_px(line) for line in wrap(text, 95))
    return math.ceil(min(LABEL_MAX, widest)), LABEL_LINE * len(wrap(text, 85))


def wrap(text, limit, font=11):
    lines, line = [], ""
    for word in text.split():
        candidate = (line + " " + word).strip()
        if line and len_px(candidate, font) > limit:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line]


ARIAL = dict(zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;'()-?/", (
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722,
    500, 500, 500, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611,
    722, 667, 944, 667, 667, 611) + (556,) * 10 + (278,) * 5 + (191, 333, 333, 333, 556, 278)))


def len_px(text, font=11):
    """Arial's advance widths (11px unless told), a little generous, as LayoutTest's EmbeddedLabel has them."""
    return sum(ARIAL.get(c, 556) for c in text) * font / 1000 * 1.03


def orthogonal(points, leaves_horizontally, enters_horizontally):
    """Inserts the corners that make a route of straight horizontal and vertical runs."""
    out = [points[0]]
    horizontal = leaves_horizontally
    for i, (x2, y2) in enumerate(points[1:], 1):
        x1, y1 = out[-1]
        last = i == len(points) - 1
        if x1 != x2 and y1 != y2:
            if last and len(points) == 2 and horizontal == enters_horizontally:
                if horizontal:  # a Z: across half way, down, across
                    out += [((x1 + x2) / 2, y1), ((x1 + x2) / 2, y2)]
                else:
                    out += [(x1, (y1 + y2) / 2), (x2, (y1 + y2) / 2)]
            elif last:
                out.append((x1, y2) if enters_horizontally else (x2, y1))
            else:
                out.append((x2, y1) if horizontal else (x1, y2))
                horizontal = not horizontal
        if (x2, y2) != out[-1]:
            horizontal = out[-1][1] == y2
            out.append((x2, y2))
    return out


def shape(element, x, y, w, h, extra="", label=None):
    lines = [f'      <bpmndi:BPMNShape id="{element}_di" bpmnElement="{element}"{extra}>',
             f'        <dc:Bounds x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" />']
    if label:
        lines.append(label_xml(label))
    lines.append("      </bpmndi:BPMNShape>")
    return "\n".join(lines)


def edge(element, points, label=None):
    lines = [f'      <bpmndi:BPMNEdge id="{element}_di" bpmnElement="{element}">']
    lines += [f'        <di:waypoint x="{n(x)}" y="{n(y)}" />' for x, y in points]
    if label:
        lines.append(label_xml(label))
    lines.append("      </bpmndi:BPMNEdge>")
    return "\n".join(lines)


def label_xml(label):
    x, y, w, h = label
    return (f'        <bpmndi:BPMNLabel>\n          <dc:Bounds x="{n(x)}" y="{n(y)}" width="{n(w)}" height="{n(h)}" />\n'
            "        </bpmndi:BPMNLabel>")


def n(value):
    return str(int(round(value)))
