/* The console's choice of what the projector shows of a board: every sheet in turn, one
 * sheet, or one column of a sheet (state.projector_view; action projector_show).
 *
 * withProjectorControl(boards) wraps the console's board module: the choice sits at the
 * top of the board's part, the board draws below it as before.
 */
import {el} from "../dom.js";

/** The <option> value of a view: "all", "sheet:<id>" or "column:<id>:<key>". */
export function viewValue(view) {
  if (!view || view.mode === "all" || !view.sheet) return "all";
  return view.mode === "column" ? "column:" + view.sheet + ":" + view.column : "sheet:" + view.sheet;
}

/** The action for an <option> value (the inverse of viewValue). */
export function viewAction(value) {
  const [mode, sheet, ...column] = value.split(":");
  if (mode === "sheet") return {action: "projector_show", mode, sheet: Number(sheet)};
  if (mode === "column") return {action: "projector_show", mode, sheet: Number(sheet), column: column.join(":")};
  return {action: "projector_show", mode: "all"};
}

function drawControl(box, sheets, ctx) {
  const S = ctx.S;
  if (!box._select) {
    const label = box.appendChild(el("label", {for: "projector-view", class: "projector-view-label"}, S.proj_label + " "));
    box._select = label.appendChild(el("select", {id: "projector-view"}));
    box._select.addEventListener("change", () => ctx.send(viewAction(box._select.value)));
  }
  const select = box._select;
  const options = [["all", S.proj_all, null]];
  for (const sheet of sheets) {
    options.push(["sheet:" + sheet.id, S.proj_whole_sheet, sheet.title]);
    for (const col of sheet.columns) options.push(["column:" + sheet.id + ":" + col.key, col.label, sheet.title]);
  }
  const sig = JSON.stringify(options);
  if (select._sig !== sig) {  // rebuilt only when the sheets change (the focus stays)
    select._sig = sig;
    select.textContent = "";
    const groups = new Map();
    for (const [value, label, group] of options) {
      let parent = select;
      if (group !== null) {
        if (!groups.has(group)) groups.set(group, select.appendChild(el("optgroup", {label: group})));
        parent = groups.get(group);
      }
      parent.appendChild(el("option", {value}, label));
    }
  }
  select.value = viewValue(ctx.state.projector_view);
}

/** The console's board module with the projector choice above the board. */
export function withProjectorControl(boards) {
  return {
    ...boards,
    draw(view, sheets, ctx) {
      if (!view._projectorControl) {
        view._projectorControl = el("div", {class: "projector-control"});
        view.insertBefore(view._projectorControl, view.firstChild);
      }
      view._projectorControl.hidden = !ctx.state.projector_view;
      if (ctx.state.projector_view) drawControl(view._projectorControl, sheets, ctx);
      boards.draw(view, sheets, ctx);
    },
    apply(event, state, ctx) {
      if (event.type === "boards.projector_view_changed") {
        state.projector_view = event.view;
        ctx.rerender();
        return true;
      }
      return boards.apply(event, state, ctx);
    },
  };
}
