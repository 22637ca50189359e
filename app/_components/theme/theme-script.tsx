/**
 * Applies the saved theme (or the system preference) before the page paints, so there is no
 * flash of the wrong theme. Kept tiny and dependency-free because it runs inline.
 */
const script = `(function(){try{var t=localStorage.getItem("theme");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
