// Linted as src/core/model/__breaches__.tsx: a .tsx file in the core is linted, and JSX in it is refused.
export const card = <div className="card">core</div>; // breach: no-restricted-syntax
export const fragment = <>core</>; // breach: no-restricted-syntax
export const stamp = () => new Date(); // breach: no-restricted-syntax
