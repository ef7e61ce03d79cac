import type { MetadataRoute } from "next";

/** Installable as a PWA; the service worker (public/sw.js) adds only an offline shell. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Handrail",
    short_name: "Handrail",
    description: "Approve what your automations want to change.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1f57d6",
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
