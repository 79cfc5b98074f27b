/*
 * mouse.c - the mouse on the board while drawing (mouse.h): ncurses'
 * event turned into board cells through the canvas (canvas_cell_at), and
 * into the stroke it means: a press moves the cursor and starts a stroke,
 * a drag paints, a release ends it (also off the board); the wheel pans
 * the view and leaves the cursor. Owns nothing; only input.c calls it.
 */
#include "mouse.h"
#include "stroke.h"

#define MOUSE_WHEEL_ROWS 3
#define MOUSE_WHEEL_COLS 8

/*
 * A mouse event while drawing: a press moves and starts a stroke, a drag
 * paints; the wheel (buttons 4 and 5) pans the view MOUSE_WHEEL_ROWS rows,
 * or with Shift or Ctrl MOUSE_WHEEL_COLS columns, and leaves the cursor.
 */
unsigned
mouse_event(struct desk *d)
{
	const struct board *b = session_board(d->session);
	uint32_t col, row;
	MEVENT ev;
	long step;

	if (getmouse(&ev) != OK || b == NULL)
		return 0;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		step = ev.bstate & BUTTON4_PRESSED ? -1 : 1;
		if (ev.bstate & (BUTTON_SHIFT | BUTTON_CTRL))
			return action_pan(d, step * MOUSE_WHEEL_COLS, 0);
		return action_pan(d, 0, step * MOUSE_WHEEL_ROWS);
	}
	if (!canvas_cell_at(d->canvas, b, ev.x, ev.y, &col, &row)) {
		if (ev.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED))
			return stroke_lift(d);
		return 0;
	}
	/* a press and a release that ncurses read together come as one click,
	 * whatever mouseinterval says: the press must still move the cursor */
	if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED))
		return stroke_press(d, col, row) | stroke_release(d, col, row);
	if (ev.bstate & BUTTON1_PRESSED)
		return stroke_press(d, col, row);
	if (ev.bstate & BUTTON1_RELEASED)
		return stroke_release(d, col, row);
	if (d->pen->down && (ev.bstate & REPORT_MOUSE_POSITION))
		return stroke_drag(d, col, row);
	return 0;
}
