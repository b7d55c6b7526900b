// Towns of Landkreis Stendal with the rough coordinates of their centre (WGS 84, 4 decimals: the
// market square or old town, within a few hundred metres). Geography is a fact, not contact data.
// Only towns whose centre is known well enough are listed; composite municipalities (the
// Verbandsgemeinden, Altmärkische Höhe, Altmärkische Wische, Zehrental, Aland, ...) have no single
// centre and are left out. `slug` is the value of the directory's `naehe` parameter: the name in
// lower case, umlauts as ae/oe/ue, everything else a hyphen (tests/unit/nearby.test.ts checks it).
export interface CountyTownSeed {
  slug: string;
  name: string;
  latitude: number;
  longitude: number;
}

export const countyTowns: CountyTownSeed[] = [
  { slug: 'stendal', name: 'Stendal', latitude: 52.605, longitude: 11.859 },
  { slug: 'tangermuende', name: 'Tangermünde', latitude: 52.541, longitude: 11.97 },
  { slug: 'osterburg-altmark', name: 'Osterburg (Altmark)', latitude: 52.787, longitude: 11.755 },
  { slug: 'havelberg', name: 'Havelberg', latitude: 52.828, longitude: 12.074 },
  { slug: 'tangerhuette', name: 'Tangerhütte', latitude: 52.433, longitude: 11.8 },
  { slug: 'arneburg', name: 'Arneburg', latitude: 52.67, longitude: 11.985 },
  { slug: 'bismark-altmark', name: 'Bismark (Altmark)', latitude: 52.664, longitude: 11.556 },
  { slug: 'seehausen-altmark', name: 'Seehausen (Altmark)', latitude: 52.888, longitude: 11.751 },
  { slug: 'werben-elbe', name: 'Werben (Elbe)', latitude: 52.864, longitude: 11.98 },
  { slug: 'sandau-elbe', name: 'Sandau (Elbe)', latitude: 52.788, longitude: 12.042 },
  { slug: 'schoenhausen-elbe', name: 'Schönhausen (Elbe)', latitude: 52.582, longitude: 12.04 },
  { slug: 'goldbeck', name: 'Goldbeck', latitude: 52.717, longitude: 11.865 },
  { slug: 'klietz', name: 'Klietz', latitude: 52.669, longitude: 12.066 },
];
