"use client";

/**
 * Loads a "try it" panel's code only when the reader comes near it (or asks for it), so a lesson's
 * first load never pays for the simulator's interface. Until then it shows the server-rendered
 * placeholder it wraps.
 */
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { TryItPanelProps } from "./try-it-panel";

const TryItPanel = dynamic(() => import("./try-it-panel").then((m) => m.TryItPanel), {
  ssr: false,
  loading: () => <p role="status" className="text-sm">Loading the simulator…</p>,
});

export function TryItLoader({ children, ...panel }: Omit<TryItPanelProps, "focusOnLoad"> & { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [wanted, setWanted] = useState(false);
  // Pressed "Start the simulator": the button goes away, so focus goes to the panel once it is there.
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          // Tabbing onto "Start the simulator" scrolls it into view, which loads the panel and
          // takes the button away under the keyboard focus: the focus follows to the panel then,
          // as when the button is pressed (else it falls back to <body>).
          if (root.contains(document.activeElement)) setAsked(true);
          setWanted(true);
        }
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(root);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={ref} data-try-it-loader>
      {wanted ? (
        <TryItPanel {...panel} focusOnLoad={asked} />
      ) : (
        <>
          {children}
          <button
            type="button"
            className="try-it-button mt-3"
            onClick={() => {
              setAsked(true);
              setWanted(true);
            }}
          >
            Start the simulator
          </button>
        </>
      )}
    </div>
  );
}
