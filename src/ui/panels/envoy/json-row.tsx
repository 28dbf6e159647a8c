/** The first cell of an Envoy table row: opens the row to its Envoy JSON (without selecting the row). */
export function ExpandCell({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <td>
      <button
        type="button"
        className="envoy-expand"
        aria-expanded={open}
        aria-label="Envoy JSON"
        onClick={(e) => {
          e.stopPropagation();
          onToggle();
        }}
      >
        {open ? '▾' : '▸'}
      </button>
    </td>
  );
}

/** The row under an open one: its Envoy JSON across the table. */
export function JsonRow({ columns, children }: { columns: number; children: string }) {
  return (
    <tr className="envoy-json-row">
      <td colSpan={columns}>
        <pre data-testid="envoy-json">{children}</pre>
      </td>
    </tr>
  );
}
